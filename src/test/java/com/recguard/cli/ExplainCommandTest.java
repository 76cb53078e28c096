package com.recguard.cli;

import static com.recguard.cli.CliTest.recguard;
import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @TempDir
    Path tmp;

    @Test
    void explains_fired_rules_with_clause_and_phrase_location_and_the_first_failed_condition_of_the_others() throws Exception {
        Path f = tmp.resolve("held.json");
        Files.writeString(f, CliTest.CLEAN_UK_CALL.replace("\"recordings\"",
                "\"transcript\": [ { \"purpose\": \"agent\", \"text\": \"Well, it is a Guaranteed   Return.\" } ], \"recordings\"") + "}");
        var r = recguard("explain", "--rules", TestPaths.RULES.toString(), f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Conversation cli-1, decided by rule pack sha256:")
                .contains("legal hold: yes, PHRASE:guaranteed return")
                .contains("FIRED      HLD-001  A conversation in which a risk-lexicon phrase was said is held")
                .contains("why: POLICY 3 Legal holds")
                .contains("matched phrase \"guaranteed return\" said in utterance 0 at character 14: \"Well, it is a Guaranteed Return.\"")
                .contains("not fired  REC-004  A recording stop without a justification is an unjustified stop\n"
                        + "             condition 2 (line 12) does not hold: $stop : RecordingStop(justification == null || justification.isBlank())")
                .contains("not fired  HLD-002")
                .doesNotContain("org.drools");
        assertThat(r.out().indexOf("== consent ==")).isLessThan(r.out().indexOf("== recording =="));
    }

    @Test
    void a_rule_whose_conditions_held_but_whose_conclusion_was_withdrawn_is_told_apart() throws Exception {
        Path f = tmp.resolve("exempt.json");
        Files.writeString(f, """
            { "conversation": { "conversationId": "int-1", "conversationStart": "2026-03-02T09:00:00Z",
                "conversationEnd": "2026-03-02T09:05:00Z", "participants": [
                  { "participantId": "a", "purpose": "agent", "userId": "u-1", "sessions": [ { "mediaType": "voice",
                      "segments": [ { "segmentType": "interact", "segmentStart": "2026-03-02T09:00:00Z",
                                      "segmentEnd": "2026-03-02T09:05:00Z" } ] } ] },
                  { "participantId": "b", "purpose": "user", "userId": "u-2" } ] },
              "recordingStops": [ { "at": "2026-03-02T09:00:01Z", "by": "flow", "justification": "INTERNAL_TEST_CALL" } ] }
            """);
        var r = recguard("explain", "--rules", TestPaths.RULES.toString(), f.toString());
        assertThat(r.out()).contains("recording EXEMPT", "FIRED      REC-003", "not fired  REC-001");
        assertThat(r.out()).containsPattern("not fired  REC-001 .*\\n .*condition 2 \\(line \\d+\\) does not hold: not Exemption\\(\\)");
    }
}
