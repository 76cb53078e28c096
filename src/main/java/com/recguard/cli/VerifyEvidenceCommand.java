package com.recguard.cli;

import com.recguard.evidence.PackVerifier;
import com.recguard.json.EvidenceJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify-evidence", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Verify an evidence pack offline, with nothing but the zip: member hashes, archived hashes, locks as read back,",
        "the decision-log chain to its locked digest, and that the decision was made from the archived bundle.",
        "Each finding names the member. Exit 0 verified, 1 findings, 2 unreadable."})
final class VerifyEvidenceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PACK.zip", description = "The evidence pack.")
    Path pack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackVerifier.Report r;
        if (!Files.isReadable(pack)) {
            err.println("recguard verify-evidence: " + pack + ": cannot read the file");
            return Main.CANNOT_RUN;
        }
        try {
            r = new PackVerifier(new EvidenceJson()).verify(pack);
        } catch (PackVerifier.UnreadablePackException e) {
            err.println("recguard verify-evidence: " + pack + ": " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        r.findings().forEach(f -> out.println(f.toString()));
        r.anchors().forEach(a -> out.println("anchor " + a));
        out.println(r.members() + " member(s), " + r.conversations() + " conversation(s): " + r.findings().size() + " finding(s)"
                + (r.clean() ? "; compare each anchor's digest with the one in the archive (README.txt)" : ""));
        return r.clean() ? Main.OK : Main.FINDINGS;
    }
}
