package com.recguard.cli;

import com.recguard.archive.ArchiveException;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.StoreException;
import com.recguard.archive.Verifier;
import com.recguard.archive.VerifyFinding;
import com.recguard.json.ArchiveJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Re-hash archived objects against their manifests; report any mismatch, missing object or weaker protection",
        "(mode not COMPLIANCE, retain-until earlier than the manifest's, legal hold missing on a held conversation).",
        "Exit 0 clean, 1 findings, 2 cannot run."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "CONVERSATION_ID", arity = "0..*", description = "Conversations to verify (default: all in the bucket).")
    List<String> conversations = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Archive region(s) to verify (repeatable; default $AWS_REGION).")
    List<String> regions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> rs = regions.isEmpty() ? List.of(archive.settings().region()) : regions;
        int conversationsSeen = 0;
        int objects = 0;
        List<VerifyFinding> findings = new ArrayList<>();
        try (ObjectStore store = archive.store()) {
            Verifier verifier = new Verifier(store, new ArchiveJson());
            for (String region : rs) {
                Verifier.Report r = verifier.verify(archive.buckets().of(region), conversations);
                conversationsSeen += r.conversations();
                objects += r.objects();
                findings.addAll(r.findings());
            }
        } catch (ArchiveException | StoreException e) {
            err.println("recguard verify: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        findings.forEach(f -> out.println(f.toString()));
        out.println("verified " + conversationsSeen + " conversation(s), " + objects + " object(s) in " + rs + ": "
                + findings.size() + " finding(s)");
        return findings.isEmpty() ? Main.OK : Main.FINDINGS;
    }
}
