package com.recguard.cli;

import com.recguard.archive.ArchiveException;
import com.recguard.archive.ArchiveReport;
import com.recguard.archive.ArchiveRequest;
import com.recguard.archive.Archiver;
import com.recguard.archive.IntegrityException;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.StoreException;
import com.recguard.core.Evaluator;
import com.recguard.json.ArchiveJson;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.model.Decision;
import com.recguard.rules.RulePack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "archive", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Evaluate a bundle and carry out its ARCHIVE and APPLY_LEGAL_HOLD actions against S3 with Object Lock.",
        "Endpoint and credentials come from AWS_ENDPOINT_URL_S3, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.",
        "Exit 0 archived (or already), 1 an integrity conflict (nothing overwritten), 2 cannot run."})
final class ArchiveCommand implements Callable<Integer> {

    /**
     * Called after the objects and before the manifest. Nothing in production; the crash-safety
     * test runs this command in a child process whose checkpoint stops there, and kills it.
     */
    Archiver.Checkpoint checkpoint = conversationId -> { };

    @Mixin
    RulesOption rules;

    @Mixin
    ArchiveOptions archive;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle JSON of the conversation.")
    Path bundle;

    @Option(names = "--media", paramLabel = "RECORDING_ID=FILE",
            description = "Media file of a recording (repeatable); every AVAILABLE or ARCHIVED recording needs one.")
    Map<String, Path> media = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String json;
        try {
            json = Files.readString(bundle, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(bundle + ": cannot read: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        RulePack pack = rules.loadOrReport(err);
        if (pack == null) {
            return Main.CANNOT_RUN;
        }
        ArchiveRequest request;
        try {
            var b = BundleReader.read(json);
            Decision decision = new Evaluator(pack).evaluate(b);
            request = new ArchiveRequest(b, decision, media, ArchiveJson.labels(json));
        } catch (BundleFormatException e) {
            err.println(bundle + ": " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        try (ObjectStore store = archive.store()) {
            Archiver archiver = new Archiver(store, new ArchiveJson(), archive.buckets(), Clock.systemUTC(), checkpoint);
            print(archiver.archive(request), out);
            return Main.OK;
        } catch (IntegrityException e) {
            err.println("recguard archive: INTEGRITY: " + e.getMessage());
            return Main.FINDINGS;
        } catch (ArchiveException | StoreException | UncheckedIOException e) {
            err.println("recguard archive: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
    }

    static void print(ArchiveReport r, PrintWriter out) {
        for (ArchiveReport.Written w : r.objects()) {
            out.printf("%-8s %-10s %s  %d bytes  sha256:%s%n", w.created() ? "written" : "present", w.kind(), w.key(),
                    w.size(), w.sha256());
        }
        r.notes().forEach(n -> out.println("note     " + n));
        switch (r.status()) {
            case ARCHIVED -> out.println("archived " + r.conversationId() + " to " + r.location() + ": "
                    + r.objects().size() + " objects, " + r.createdCount() + " written by this run");
            case ALREADY_ARCHIVED -> out.println("already archived " + r.conversationId() + " in " + r.location());
            case NOT_ARCHIVED -> out.println("not archived " + r.conversationId());
        }
    }
}
