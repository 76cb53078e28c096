package com.recguard.cli;

import com.recguard.archive.ArchiveException;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.StoreException;
import com.recguard.evidence.DecisionLogSource;
import com.recguard.evidence.EvidenceCodec;
import com.recguard.evidence.EvidenceException;
import com.recguard.evidence.EvidenceDesk;
import com.recguard.evidence.EvidencePacker;
import com.recguard.evidence.PackFormatException;
import com.recguard.evidence.Selection;
import com.recguard.json.ArchiveJson;
import com.recguard.json.EvidenceJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evidence", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Build a regulator's evidence pack (one zip): for the named conversations, or those a query selects from the",
        "archived manifests, the archived objects byte for byte, their versions and locks as read back, the decision-log",
        "entries with the hash chain to a digest under Object Lock, an index and an offline verifier (docs/evidence.md).",
        "Exit 0 written, 2 cannot run (nothing written)."})
final class EvidenceCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "CONVERSATION_ID", arity = "0..*", description = "Conversations to pack (or use a query).")
    List<String> conversations = new ArrayList<>();

    @Option(names = "--user", paramLabel = "USER_ID", description = "Query: conversations with this participant userId.")
    String user;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Query: started on or after this UTC day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Query: started on or before this UTC day.")
    LocalDate to;

    @Option(names = "--hold", paramLabel = "HOLD_ID", description = "Query: conversations whose archived decision or hold events name this hold (e.g. LH-7).")
    String hold;

    @Option(names = "--region", paramLabel = "REGION", description = "Archive region(s) to look in (repeatable; default $AWS_REGION).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--digest-region", paramLabel = "REGION",
            description = "Region whose bucket holds the decision-log digests (the service's home region; default: the first --region).")
    String digestRegion;

    @Option(names = "--log", paramLabel = "FILE", description = "The service's decision log (default $RECGUARD_DECISION_LOG).")
    Path log;

    @Option(names = {"-o", "--out"}, paramLabel = "PACK.zip", required = true, description = "The zip to write; must not exist.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Selection selection;
        try {
            selection = new Selection(conversations, user, from, to, hold);
        } catch (IllegalArgumentException e) {
            err.println("recguard evidence: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        Path logFile = log != null ? log : archive.env.containsKey("RECGUARD_DECISION_LOG")
                ? Path.of(archive.env.get("RECGUARD_DECISION_LOG")) : null;
        if (logFile == null || !Files.isReadable(logFile)) {
            err.println("recguard evidence: " + (logFile == null ? "no decision log: pass --log FILE or set RECGUARD_DECISION_LOG"
                    : logFile + ": cannot read the decision log"));
            return Main.CANNOT_RUN;
        }
        if (Files.exists(out)) {
            err.println("recguard evidence: " + out + " already exists; nothing was overwritten");
            return Main.CANNOT_RUN;
        }
        EvidenceCodec codec = new EvidenceJson();
        Path tmp = null;
        try (ObjectStore store = archive.store()) {
            List<String> rs = regions.isEmpty() ? List.of(archive.settings().region()) : regions;
            EvidencePacker packer = new EvidencePacker(store, new ArchiveJson(), codec, Clock.systemUTC());
            EvidenceDesk desk = new EvidenceDesk(packer, archive.buckets(), digestRegion != null ? digestRegion : rs.get(0),
                    fileLog(logFile, codec));
            EvidencePacker.Plan plan = desk.plan(selection, rs);
            Path dir = out.toAbsolutePath().getParent();
            tmp = Files.createTempFile(dir, ".evidence-", ".zip.part");
            EvidencePacker.Written w;
            try (OutputStream o = Files.newOutputStream(tmp)) {
                w = packer.write(plan, o);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            plan.conversations().stream().filter(p -> !p.decidedFromArchivedBundle()).forEach(p -> err.println(
                    "recguard evidence: warning: " + p.conversationId() + ": no decision-log entry has its archived bundle as"
                            + " input; the pack records this and verify-evidence will report DECISION_INPUT_MISMATCH"));
            plan.conversations().forEach(p -> stdout.println("packed " + p.conversationId() + " from " + p.at() + ": "
                    + p.versions().stream().filter(v -> v.member() != null).count() + " objects, " + p.chain().size()
                    + " log entries to digest " + p.digest().seq()));
            stdout.println("wrote " + out + ": " + plan.conversations().size() + " conversation(s), " + w.members() + " members, "
                    + w.archivedBytes() + " archived bytes; verify with `recguard verify-evidence " + out + "` or `python3 verify.py`");
            return Main.OK;
        } catch (EvidenceException | ArchiveException | StoreException | PackFormatException | UncheckedIOException e) {
            err.println("recguard evidence: " + e.getMessage() + "; nothing was written");
            return Main.CANNOT_RUN;
        } catch (IOException e) {
            err.println("recguard evidence: " + e + "; nothing was written");
            return Main.CANNOT_RUN;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the partial file is named .evidence-*.zip.part; nothing else depends on it
                }
            }
        }
    }

    /** The decision-log file read line by line (never whole); a bad line stops the pack with file:line. */
    static DecisionLogSource fileLog(Path file, EvidenceCodec codec) {
        return each -> {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int n = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        each.accept(codec.readLogLine(line));
                    } catch (PackFormatException e) {
                        throw new PackFormatException(file + ":" + n + ": not a decision-log entry: " + e.getMessage());
                    }
                }
            }
        };
    }
}
