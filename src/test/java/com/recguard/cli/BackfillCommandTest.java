package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code recguard backfill}: exit 2, every problem named, nothing started. */
class BackfillCommandTest {

    @TempDir
    Path tmp;

    private CliTest.Run backfill(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "backfill";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err), env);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void everyBadOptionAndMissingSettingIsListedAtOnceWithExit2() {
        var r = backfill(Map.of("RECGUARD_DB", "recguard.db"), "--from", "2026-13-01", "--to", "2026-09-30",
                "--concurrency", "0", "--state", tmp.resolve("state").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--from 2026-13-01").contains("--concurrency 0").contains("GENESYS_BASE_URL is not set")
                .contains("RECGUARD_DB: expected a JDBC URL");
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void anIntervalEndingBeforeItStartsIsRefused() {
        var r = backfill(Map.of(), "--from", "2026-09-30", "--to", "2026-07-01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--from 2026-09-30 is not before --to 2026-07-01");
    }

    @Test
    void theHelpNamesTheOptionsAnOperatorNeeds() {
        var r = backfill(Map.of(), "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--from", "--to", "--act", "--state", "--concurrency");
    }

    @Test
    void aStateFolderOfAnotherIntervalIsRefusedAndLeftAsItWas() throws Exception {
        {
            Path state = tmp.resolve("state");
            Files.createDirectories(state);
            String listing = "# 2026-01-01T00:00:00Z\t2026-02-01T00:00:00Z\nc-1\t2026-01-02T00:00:00Z\n";
            Files.writeString(state.resolve("listing.tsv"), listing);
            Map<String, String> env = validEnv(tmp);
            var r = backfill(env, "--from", "2026-07-01", "--to", "2026-07-31", "--state", state.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("listing of another interval").contains("2026-01-01T00:00:00Z/2026-02-01T00:00:00Z");
            assertThat(state.resolve("listing.tsv")).hasContent(listing.strip());
        }
    }

    /** Genesys settings that pass validation (nothing is called before the state folder is read). */
    private static Map<String, String> validEnv(Path tmp) {
        return Map.of("GENESYS_BASE_URL", "http://127.0.0.1:9", "GENESYS_LOGIN_URL", "http://127.0.0.1:9/login",
                "GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "secret", "GENESYS_QA_FORM_ID", "form",
                "GENESYS_QA_EVALUATOR_ID", "evaluator", "RECGUARD_DB", "jdbc:sqlite:" + tmp.resolve("db"),
                "RECGUARD_RULES", com.recguard.TestPaths.RULES.toAbsolutePath().toString());
    }
}
