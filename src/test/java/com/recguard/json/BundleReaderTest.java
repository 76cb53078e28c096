package com.recguard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.model.Bundle;
import com.recguard.model.Participant.Role;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BundleReaderTest {

    @Test
    void reads_every_section_of_a_policy_bundle() throws Exception {
        Bundle b = BundleReader.read("""
            { "conversation": { "conversationId": "c-1", "conversationStart": "2026-03-02T09:15:00Z",
                "conversationEnd": "2026-03-02T10:27:41.123+01:00", "originatingDirection": "inbound",
                "participants": [ { "participantId": "p1", "purpose": "customer",
                    "attributes": { "recordingConsent": 1, "transactionId": "T-1" },
                    "sessions": [ { "mediaType": "voice", "direction": "inbound", "ani": "tel:+14155550142",
                      "dnis": "tel:+442071234567", "recording": true,
                      "segments": [ { "segmentType": "ivr", "segmentStart": "2026-03-02T09:15:00Z" } ] } ] } ] },
              "recordings": [ { "id": "r-1", "startTime": "2026-03-02T09:16:00Z", "region": "eu-west-1" } ],
              "recordingStops": [ { "at": "2026-03-02T09:20:00Z", "by": "agent", "justification": "PCI_SECURE_PAUSE" } ],
              "ivr": { "flowName": "Main", "menuPath": ["main", "trading"],
                       "dtmf": [ { "digit": "1", "prompt": "recording-consent" } ] },
              "transcript": [ { "purpose": "agent", "offsetMs": 1200, "text": "hello" } ],
              "legalHolds": [ { "id": "LH-7", "userIds": ["u-9"], "from": "2026-01-01", "terms": ["x"] } ],
              "evaluatedAt": "2026-03-02T10:00:00Z" }
            """);
        assertThat(b.conversation().conversationEnd()).isEqualTo(Instant.parse("2026-03-02T09:27:41.123Z"));
        assertThat(b.conversation().participants().get(0).role()).isEqualTo(Role.EXTERNAL);
        assertThat(b.conversation().participants().get(0).attributes()).containsEntry("recordingConsent", "1");
        assertThat(b.recordings().get(0).fileState()).as("absent state means AVAILABLE").isEqualTo("AVAILABLE");
        assertThat(b.recordingStops().get(0).resumedAt()).isNull();
        assertThat(b.ivr().captured()).isTrue();
        assertThat(b.transcript().get(0).offsetMs()).isEqualTo(1200);
        assertThat(b.legalHolds().get(0).from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(b.legalHolds().get(0).to()).isNull();
        assertThat(b.evaluatedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void missing_sections_mean_none_and_unknown_fields_are_ignored() throws Exception {
        Bundle b = BundleReader.read("""
            { "conversation": { "conversationId": "c-2", "divisionIds": ["d"], "mediaStatsMinConversationMos": 4.4,
                "participants": [ { "purpose": "agent", "sessions": [ { "metrics": [ { "name": "tTalk" } ] } ] } ] },
              "somethingNew": { "a": 1 } }
            """);
        assertThat(b.recordings()).isEmpty();
        assertThat(b.recordingStops()).isEmpty();
        assertThat(b.ivr().captured()).isFalse();
        assertThat(b.transcript()).isEmpty();
        assertThat(b.legalHolds()).isEmpty();
        assertThat(b.conversation().participants().get(0).sessions().get(0).segments()).isEmpty();
    }

    @Test
    void accepts_a_genesys_conversation_detail_as_it_is_exported() throws Exception {
        String detail = """
            { "conversationId": "g-1", "conversationStart": "2026-03-02T09:15:00.000Z",
              "participants": [ { "participantId": "a", "participantName": "Advisor", "purpose": "agent",
                 "userId": "u-1", "sessions": [ { "mediaType": "voice", "sessionId": "s", "provider": "Edge",
                   "segments": [ { "segmentType": "interact", "segmentStart": "2026-03-02T09:16:00.000Z",
                     "segmentEnd": "2026-03-02T09:20:00.000Z", "queueId": "q", "disconnectType": "peer" } ] } ] } ] }
            """;
        assertThat(BundleReader.read(detail).conversation().conversationId()).isEqualTo("g-1");
        assertThat(BundleReader.read("{\"conversations\": [" + detail + "], \"totalHits\": 1}")
                .conversation().participants().get(0).userId()).isEqualTo("u-1");
    }

    @Test
    void a_bad_time_is_reported_with_its_json_path() {
        assertThatThrownBy(() -> BundleReader.read("""
            { "conversation": { "conversationId": "c", "participants": [ { "sessions": [ { "segments": [
                { "segmentStart": "yesterday" } ] } ] } ] } }
            """))
                .isInstanceOf(BundleFormatException.class)
                .hasMessage("conversation.participants[0].sessions[0].segments[0].segmentStart:"
                        + " is not an ISO-8601 time with zone: \"yesterday\"");
    }

    @Test
    void broken_json_is_reported_with_line_and_column() {
        assertThatThrownBy(() -> BundleReader.read("{\n  \"conversation\": {\n    \"conversationId\": \"c\",,\n}"))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith("invalid JSON: line 3, column");
    }

    @Test
    void a_bundle_without_a_conversation_or_its_id_is_refused() {
        assertThatThrownBy(() -> BundleReader.read("{\"recordings\": []}"))
                .hasMessageContaining("expected a \"conversation\" object");
        assertThatThrownBy(() -> BundleReader.read("{\"conversation\": {\"participants\": []}}"))
                .hasMessage("conversation.conversationId: is required");
        assertThatThrownBy(() -> BundleReader.read("{\"conversation\": {\"conversationId\": \"c\", \"participants\": {}}}"))
                .hasMessage("conversation.participants: must be an array");
        assertThatThrownBy(() -> BundleReader.read("[1]")).hasMessage("not a JSON object");
    }
}
