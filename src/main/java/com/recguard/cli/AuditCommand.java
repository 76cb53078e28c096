package com.recguard.cli;

import com.recguard.config.AuditFinding;
import com.recguard.config.AuditReport;
import com.recguard.service.ConfigAudit;
import com.recguard.config.ConfigSnapshot;
import com.recguard.json.BundleFormatException;
import com.recguard.json.ConfigSnapshotJson;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Check the Genesys org and the archive buckets against the configuration guide (rules/config/).",
        "Live by default (GENESYS_* and AWS_* variables, see docs/config-audit.md), or offline with --snapshot.",
        "Exit 0 compliant, 1 findings, 2 cannot run."})
final class AuditCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Audit a recorded snapshot instead of the live systems.")
    Path snapshot;

    @Option(names = "--save-snapshot", paramLabel = "FILE",
            description = "Write the snapshot audited (credentials and personal data left out).")
    Path saveSnapshot;

    @Option(names = "--json", description = "Machine-readable report.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulePack pack;
        try {
            pack = RulePack.loadConfig(rules.dir());
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            err.println("configuration-audit pack " + rules.dir().resolve("config") + " has " + e.problems().size()
                    + " error(s); nothing was audited");
            return Main.CANNOT_RUN;
        }
        ConfigAudit audit = new ConfigAudit(pack);
        ConfigSnapshot s;
        if (snapshot != null) {
            try {
                s = ConfigSnapshotJson.read(snapshot);
            } catch (BundleFormatException e) {
                err.println("recguard audit: " + snapshot + ": " + e.getMessage());
                return Main.CANNOT_RUN;
            }
        } else {
            try {
                s = LiveSnapshot.record(archive.env, pack, archive.buckets(), archive.settings(), audit.recguardSettings());
            } catch (LiveSnapshot.CannotRecord e) {
                err.println("recguard audit: " + e.getMessage());
                return Main.CANNOT_RUN;
            }
        }
        if (saveSnapshot != null) {
            try {
                Files.writeString(saveSnapshot, ConfigSnapshotJson.write(s), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("recguard audit: cannot write " + saveSnapshot + ": " + e.getMessage());
                return Main.CANNOT_RUN;
            }
        }
        // The snapshot as written is what is evaluated: live and offline audits see the same bytes.
        AuditReport report;
        try {
            report = audit.evaluate(snapshot != null ? s : ConfigSnapshotJson.parse(ConfigSnapshotJson.write(s)));
        } catch (BundleFormatException e) {
            err.println("recguard audit: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        if (json) {
            out.println(ConfigSnapshotJson.report(report));
        } else {
            human(report, out);
        }
        return report.compliant() ? Main.OK : Main.FINDINGS;
    }

    static void human(AuditReport r, PrintWriter out) {
        for (AuditFinding f : r.findings()) {
            out.println(f.rule() + " " + f.code() + " — " + f.subject() + " (guide " + f.section() + ")");
            out.println("  why: " + f.reason());
            out.println("  fix: " + f.fix());
            out.println();
        }
        out.println(r.findings().isEmpty()
                ? "compliant: the configuration matches the guide (snapshot " + r.takenAt() + ")"
                : r.findings().size() + " finding(s): the configuration deviates from the guide (snapshot " + r.takenAt() + ")");
    }
}
