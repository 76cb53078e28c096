package com.recguard.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * {@code recguard archive} with a checkpoint that stops between the objects and the manifest: it
 * prints a marker and waits to be killed. The crash-safety test runs it as a child process, so the
 * kill provably lands mid-archive, and the product carries no test hook.
 */
public final class StopBeforeManifest {

    private StopBeforeManifest() {}

    public static void main(String[] args) throws Exception {
        ArchiveCommand command = new ArchiveCommand();
        command.checkpoint = conversationId -> {
            System.out.println("PAUSED-BEFORE-MANIFEST " + conversationId);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        String[] rest = args.length > 0 && args[0].equals("archive") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(new CommandLine(command).execute(rest));
    }
}
