package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.http.Operators;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings of {@code recguard serve} are read once, from the environment the command is
 * given, and checked before anything starts: every bad variable is named at once with its value
 * and what is expected, the command exits 2, and no folder, database or port was touched.
 */
class ServeSettingsTest {

    @TempDir
    Path tmp;

    /** A complete, valid environment (the Genesys and S3 endpoints are never called here). */
    private Map<String, String> good() throws IOException {
        Files.writeString(tmp.resolve("operators.csv"), "alice,operator," + Operators.hashOf("alice-token") + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("RECGUARD_EVENT_TOKEN", "event-token");
        env.put("RECGUARD_OPERATORS", tmp.resolve("operators.csv").toString());
        env.put("RECGUARD_VAR", tmp.resolve("var").toString());
        env.put("GENESYS_BASE_URL", "https://api.mypurecloud.ie");
        env.put("GENESYS_CLIENT_ID", "id");
        env.put("GENESYS_CLIENT_SECRET", "secret");
        env.put("GENESYS_QA_FORM_ID", "form");
        env.put("GENESYS_QA_EVALUATOR_ID", "evaluator");
        return env;
    }

    private record Run(int code, String err) {}

    private static Run serve(Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve"}, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, err.toString());
    }

    @Test
    void several_bad_variables_are_named_at_once_with_their_values_and_nothing_starts() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = good();
        env.put("RECGUARD_PORT", "80800");
        env.put("RECGUARD_POLL_MS", "soon");
        env.put("RECGUARD_CLAIM_SECONDS", "0");
        env.put("RECGUARD_SHUTDOWN_SECONDS", "-1");
        env.put("RECGUARD_ALERT_WEBHOOK", "not a url");
        env.put("RECGUARD_DB", "postgres://db/recguard?user=rg&password=hunter2");
        env.put("GENESYS_TIMEOUT_MS", "fast");
        env.remove("GENESYS_CLIENT_ID");
        env.put("RECGUARD_HOST", "127.0.0.1");

        Run run = serve(env);

        assertThat(run.code()).isEqualTo(Main.CANNOT_RUN);
        assertThat(run.err()).contains(
                "8 setting(s) wrong",
                "RECGUARD_PORT=80800: expected a whole number from 0 to 65535",
                "RECGUARD_POLL_MS=soon: expected a whole number of at least 1",
                "RECGUARD_CLAIM_SECONDS=0: expected a whole number of at least 1",
                "RECGUARD_SHUTDOWN_SECONDS=-1: expected a whole number from 1 to 3600",
                "RECGUARD_ALERT_WEBHOOK=not a url: expected an http(s) URL",
                "RECGUARD_DB=postgres://db/recguard?user=rg&password=****: expected a JDBC URL",
                "GENESYS_TIMEOUT_MS must be a positive whole number, not \"fast\"",
                "GENESYS_CLIENT_ID is not set");
        assertThat(run.err()).as("no stack trace, no secret").doesNotContain("Exception", "\tat ", "hunter2");
        assertThat(tmp.resolve("var")).as("nothing was created before the settings were checked").doesNotExist();
        try (ServerSocket stillFree = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(stillFree.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void missing_event_credentials_and_an_unreadable_operators_file_are_reported_together() throws Exception {
        Map<String, String> env = good();
        env.remove("RECGUARD_EVENT_TOKEN");
        env.put("RECGUARD_OPERATORS", tmp.resolve("nobody.csv").toString());

        Run run = serve(env);

        assertThat(run.code()).isEqualTo(Main.CANNOT_RUN);
        assertThat(run.err()).contains("2 setting(s) wrong", "RECGUARD_EVENT_TOKEN / RECGUARD_EVENT_HMAC_SECRET",
                "RECGUARD_OPERATORS: " + tmp.resolve("nobody.csv"));
    }

    @Test
    void an_operators_file_listing_the_event_token_is_refused() throws Exception {
        Map<String, String> env = good();
        Files.writeString(tmp.resolve("operators.csv"), "events,operator," + Operators.hashOf("event-token") + "\n");

        Run run = serve(env);

        assertThat(run.code()).isEqualTo(Main.CANNOT_RUN);
        assertThat(run.err()).contains("lists the event-source token");
    }

    @Test
    void a_valid_environment_gives_every_default_the_readme_lists() throws Exception {
        ServeSettings s = ServeSettings.from(good(), Map.of(), "node-a");

        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.node()).isEqualTo("node-a");
        assertThat(s.poll()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.claimFor()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.settleFor()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.stallAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.sweepWindow()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.sweepOverlap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.digestEvery()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.configAuditEvery()).isEqualTo(Duration.ofMinutes(360));
        assertThat(s.shutdownWithin()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.calibrationsPerMonth()).isEqualTo(3);
        assertThat(s.calibrationEvaluators()).containsExactly("evaluator");
        assertThat(s.db()).isEqualTo("jdbc:sqlite:" + tmp.resolve("var").resolve("recguard.db"));
        assertThat(s.holds()).isEqualTo(tmp.resolve("var").resolve("holds.json"));
        assertThat(s.decisionLog()).isEqualTo(tmp.resolve("var").resolve("decisions.log"));
        assertThat(s.homeRegion()).isEqualTo("eu-west-1");
        assertThat(s.sqs()).isNull();
        assertThat(s.alertWebhook()).isNull();
    }
}
