package com.recguard.cli;

import com.recguard.archive.ArchiveException;
import com.recguard.archive.Archiver;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.StoreException;
import com.recguard.json.ArchiveJson;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "release-hold", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Release the legal hold of an archived conversation. The release (reason, who, when, which hold reasons)",
        "is first stored as a locked object of its own; then the S3 legal hold is turned off on every object.",
        "The COMPLIANCE retention stays. Exit 0 released, 2 cannot run (no archive, not held, no reason)."})
final class ReleaseHoldCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(index = "0", paramLabel = "CONVERSATION_ID")
    String conversationId;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the hold ends (recorded).")
    String reason;

    @Option(names = "--region", paramLabel = "REGION", description = "Archive region of the conversation (default $AWS_REGION).")
    String region;

    @Option(names = "--by", paramLabel = "NAME", description = "Who releases it (default $USER, else the OS user).")
    String by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = by != null ? by : archive.env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        String r = region != null ? region : archive.settings().region();
        try (ObjectStore store = archive.store()) {
            Archiver archiver = new Archiver(store, new ArchiveJson(), archive.buckets(), Clock.systemUTC());
            archiver.releaseHold(r, conversationId, reason, who).forEach(n -> out.println("note     " + n));
            out.println("released the legal hold of " + conversationId + " in " + archive.buckets().of(r));
            return Main.OK;
        } catch (ArchiveException | StoreException e) {
            err.println("recguard release-hold: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
    }
}
