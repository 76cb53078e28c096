package com.recguard.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The analysts' and operators' command line. Each command is a function from arguments and two
 * writers to an exit code, so tests run it in-process.
 *
 * <p>Exit codes: 0 success; 1 findings (a fixture failed, an archive object that does not verify,
 * an integrity conflict); 2 cannot run (bad rules, unreadable input, bad usage, a bucket that
 * fails preflight, S3 unreachable).
 */
@Command(name = "recguard", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "MiFID II call-recording compliance evaluator for Genesys Cloud CX.",
        subcommands = {CheckCommand.class, ReplayCommand.class, EvaluateCommand.class, ExplainCommand.class,
                LintCommand.class, DiffCommand.class, WatchCommand.class, VerifyLogCommand.class,
                GenerateCommand.class, ArchiveCommand.class, VerifyCommand.class, ReleaseHoldCommand.class,
                AuditCommand.class, ServeCommand.class, BackfillCommand.class,
                EvidenceCommand.class, VerifyEvidenceCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int CANNOT_RUN = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs a command with the given environment: {@code serve} and the archive options read it, nothing else. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                // the environment goes in through constructors: no command reads a static or System.getenv
                if (type == ServeCommand.class) {
                    return (K) new ServeCommand(env);
                }
                if (type == BackfillCommand.class) {
                    return (K) new BackfillCommand(env);
                }
                if (type == ArchiveOptions.class) {
                    return (K) new ArchiveOptions(env);
                }
                return defaults.create(type);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getMessage());
            ex.getCommandLine().usage(err);
            return CANNOT_RUN;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("recguard: " + ex);
            if (System.getenv("RECGUARD_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set RECGUARD_DEBUG=1 for the stack trace)");
            }
            return CANNOT_RUN;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }
}
