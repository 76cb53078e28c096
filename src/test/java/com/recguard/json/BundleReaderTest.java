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
            { "conversation": { "conversationId": "c-2", "conversationStart": "2026-03-02T09:15:00Z",
                "conversationEnd": "2026-03-02T09:16:00Z", "divisionIds": ["d"], "mediaStatsMinConversationMos": 4.4,
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
              "conversationEnd": "2026-03-02T09:21:00.000Z",
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

    private static final String START = "\"conversationStart\": \"2026-03-02T09:00:00Z\"";

    private static String refusal(String json) {
        try {
            BundleReader.read(json);
        } catch (BundleFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void a_conversation_without_an_end_is_refused_rather_than_retained_from_its_start() {
        assertThat(refusal("{\"conversation\": {\"conversationId\": \"c\", " + START + "}}"))
                .startsWith("conversation.conversationEnd: is required");
    }

    @Test
    void anything_ending_before_it_starts_is_refused_naming_the_field() {
        String conv = "{\"conversation\": {\"conversationId\": \"c\", " + START + ", \"conversationEnd\": \"%s\"%s}%s}";
        assertThat(refusal(conv.formatted("2026-03-02T08:59:59Z", "", "")))
                .isEqualTo("conversation.conversationEnd: 2026-03-02T08:59:59Z is before conversationStart 2026-03-02T09:00:00Z");
        assertThat(refusal(conv.formatted("2026-03-02T09:10:00Z", ", \"participants\": [{\"sessions\": [{\"segments\": ["
                + "{\"segmentStart\": \"2026-03-02T09:05:00Z\", \"segmentEnd\": \"2026-03-02T09:04:00Z\"}]}]}]", "")))
                .startsWith("conversation.participants[0].sessions[0].segments[0].segmentEnd: ");
        assertThat(refusal(conv.formatted("2026-03-02T09:10:00Z", "", ", \"recordings\": [{\"id\": \"r\","
                + " \"startTime\": \"2026-03-02T09:05:00Z\", \"endTime\": \"2026-03-02T09:01:00Z\"}]")))
                .startsWith("recordings[0].endTime: ");
        assertThat(refusal(conv.formatted("2026-03-02T09:10:00Z", "", ", \"recordingStops\": [{\"at\": \"2026-03-02T09:05:00Z\","
                + " \"resumedAt\": \"2026-03-02T09:04:00Z\"}]")))
                .startsWith("recordingStops[0].resumedAt: ");
    }

    @Test
    void a_repeated_key_is_refused_naming_its_path() {
        assertThat(refusal("{\"conversation\": {\"conversationId\": \"c\", " + START + ", \"conversationEnd\":"
                + " \"2026-03-02T09:10:00Z\", \"conversationEnd\": \"2027-03-02T09:10:00Z\"}}"))
                .startsWith("conversation.conversationEnd: invalid JSON").contains("Duplicate field 'conversationEnd'");
        assertThat(refusal("{\"conversation\": {\"conversationId\": \"c\", " + START + ", \"conversationEnd\":"
                + " \"2026-03-02T09:10:00Z\", \"participants\": [{\"attributes\": {\"retentionClass\": \"a\","
                + " \"retentionClass\": \"b\"}}]}}"))
                .startsWith("conversation.participants[0].attributes.retentionClass: invalid JSON");
    }

    @Test
    void a_legal_hold_naming_no_criterion_or_an_empty_list_is_refused() {
        String bundle = "{\"conversation\": {\"conversationId\": \"c\", " + START
                + ", \"conversationEnd\": \"2026-03-02T09:10:00Z\"}, \"legalHolds\": [%s]}";
        assertThat(refusal(bundle.formatted("{\"id\": \"LH-1\"}"))).startsWith("legalHolds[0]: legal hold LH-1 names no criterion");
        assertThat(refusal(bundle.formatted("{\"id\": \"LH-1\", \"userIds\": []}"))).startsWith("legalHolds[0].userIds: must be a non-empty list");
        assertThat(refusal(bundle.formatted("{\"id\": \"LH-1\", \"from\": \"2026-01-01\", \"terms\": []}")))
                .startsWith("legalHolds[0].terms: must be a non-empty list");
    }

    @Test
    void times_are_compared_at_millisecond_precision() throws Exception {
        Bundle b = BundleReader.read("{\"conversation\": {\"conversationId\": \"c\", \"conversationStart\":"
                + " \"2026-03-02T09:00:00.1239Z\", \"conversationEnd\": \"2026-03-02T09:00:00.1231Z\"}}");
        assertThat(b.conversation().conversationEnd()).isEqualTo(b.conversation().conversationStart());
    }

    @Test
    void a_details_query_response_gives_every_conversation_and_says_it_has_no_recordings() throws Exception {
        String one = "{\"conversationId\": \"c-%d\", " + START + ", \"conversationEnd\": \"2026-03-02T09:10:00Z\"}";
        StringBuilder many = new StringBuilder("{\"conversations\": [");
        for (int i = 0; i < 3; i++) {
            many.append(i == 0 ? "" : ",").append(one.formatted(i));
        }
        BundleReader.Batch batch = BundleReader.readAll(many.append("], \"totalHits\": 3}").toString());
        assertThat(batch.bundles()).extracting(x -> x.conversation().conversationId()).containsExactly("c-0", "c-1", "c-2");
        assertThat(batch.recordingsSection()).isFalse();
    }
}
