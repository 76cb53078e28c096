package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process, as analysts use it. */
class CliTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run recguard(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static final String CLEAN_UK_CALL = """
        { "conversation": { "conversationId": "cli-1", "conversationStart": "2026-03-02T09:15:00Z",
            "conversationEnd": "2026-03-02T09:27:41Z", "originatingDirection": "inbound",
            "participants": [
              { "participantId": "p1", "purpose": "customer", "sessions": [ { "mediaType": "voice",
                  "direction": "inbound", "ani": "tel:+442071234567", "dnis": "tel:+442079460000" } ] },
              { "participantId": "p2", "purpose": "agent", "userId": "u-7", "sessions": [ { "mediaType": "voice",
                  "segments": [ { "segmentType": "interact", "segmentStart": "2026-03-02T09:16:00Z",
                                  "segmentEnd": "2026-03-02T09:27:41Z" } ] } ] } ] },
          "recordings": [ { "id": "r-1", "media": "audio", "fileState": "AVAILABLE", "region": "eu-west-1",
                            "startTime": "2026-03-02T09:16:00Z", "endTime": "2026-03-02T09:27:41Z" } ]
        """;

    private Path fixture(String name, String expect) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, CLEAN_UK_CALL + ", \"expect\": " + expect + " }");
        return f;
    }

    @Test
    void check_reports_the_pack_it_compiled() {
        Run r = recguard("check", "--rules", TestPaths.RULES.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("(?s)ok: \\d+ rules, 2 lexicon phrases in rules \\(sha256:[0-9a-f]{64}\\)\\s*");
    }

    @Test
    void check_names_file_and_line_of_a_broken_rule_and_exits_2() throws Exception {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("copy"));
        Path drl = copy.resolve("holds/HLD-001-risk-phrase.drl");
        Files.writeString(drl, Files.readString(drl).replace("$hit : PhraseHit(holdId == null)", "$hit : PhraseHit(holdId == null"));
        Run r = recguard("check", "--rules", copy.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).containsPattern("\\Q" + drl + "\\E:\\d+: ");
    }

    @Test
    void replay_of_the_shipped_fixtures_passes_and_prints_the_count_last() {
        Run r = recguard("replay", "--rules", TestPaths.RULES.toString(), TestPaths.FIXTURES.toString());
        assertThat(r.lastLine()).matches("\\d+ passed, 0 failed");
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void a_failed_expectation_shows_path_expected_and_actual_and_exits_1() throws Exception {
        Path good = fixture("good.json", "{ \"recording\": \"REQUIRED\", \"violations\": [] }");
        Path bad = fixture("bad.json", "{ \"residencyZone\": \"EU\", \"violations\": [\"MISSING_RECORDING\"] }");
        Run r = recguard("replay", "--rules", TestPaths.RULES.toString(), good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL " + bad + ": residencyZone: expected EU, got UK;"
                + " violations: expected [MISSING_RECORDING], got []");
        assertThat(r.out()).doesNotContain(good.toString());
        assertThat(r.lastLine()).isEqualTo("1 passed, 1 failed");
    }

    @Test
    void an_unreadable_fixture_is_named_and_exits_2() throws Exception {
        Path good = fixture("good.json", "{ \"recording\": \"REQUIRED\" }");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{ \"conversation\": ");
        Run r = recguard("replay", "--rules", TestPaths.RULES.toString(), good.toString(), broken.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("UNREADABLE " + broken + ": invalid JSON");
        assertThat(r.lastLine()).isEqualTo("1 passed, 1 failed");
    }

    @Test
    void an_unknown_expect_key_is_reported_rather_than_ignored() throws Exception {
        Path typo = fixture("typo.json", "{ \"violation\": [] }");
        Run r = recguard("replay", "--rules", TestPaths.RULES.toString(), typo.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("expect.violation: unknown key");
    }

    @Test
    void replay_json_reports_each_fixture_with_its_decision() throws Exception {
        Path good = fixture("good.json", "{ \"recording\": \"REQUIRED\" }");
        Run r = recguard("replay", "--json", "--rules", TestPaths.RULES.toString(), good.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"passed\" : 1", "\"status\" : \"passed\"", "\"conversationId\" : \"cli-1\"");
    }

    @Test
    void replay_of_a_missing_path_exits_2() {
        Run r = recguard("replay", "--rules", TestPaths.RULES.toString(), tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope: no such file or folder");
    }

    @Test
    void evaluate_prints_the_same_decision_bytes_every_time() throws Exception {
        Path f = fixture("call.json", "{}");
        Run first = recguard("evaluate", "--rules", TestPaths.RULES.toString(), f.toString());
        Run second = recguard("evaluate", "--rules", TestPaths.RULES.toString(), f.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("\"conversationId\" : \"cli-1\"", "\"recording\" : \"REQUIRED\"",
                "\"residencyZone\" : \"UK\"", "\"retainUntil\" : \"2033-03-02\"", "\"type\" : \"ARCHIVE\"");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void evaluate_reads_stdin_with_a_dash() {
        EvaluateCommand.stdin = new ByteArrayInputStream((CLEAN_UK_CALL + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Run r = recguard("evaluate", "--rules", TestPaths.RULES.toString(), "-");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("\"conversationId\" : \"cli-1\"");
        } finally {
            EvaluateCommand.stdin = System.in;
        }
    }

    @Test
    void evaluate_of_a_malformed_bundle_says_where_and_exits_2() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{ \"conversation\": { \"conversationId\": \"x\", \"conversationStart\": \"soon\" } }");
        Run r = recguard("evaluate", "--rules", TestPaths.RULES.toString(), f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ": conversation.conversationStart: is not an ISO-8601 time");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_unknown_command_or_option_exits_2_with_usage() {
        Run r = recguard("replay", "--no-such-option");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option", "Usage:");
    }
}
