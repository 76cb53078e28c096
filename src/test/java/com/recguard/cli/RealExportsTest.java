package com.recguard.cli;

import static com.recguard.cli.CliTest.recguard;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Genesys exports as they come: a details query response ({@code {"conversations":[...],"totalHits":N}},
 * the shape of Genesys' published sample) through evaluate, explain, diff and replay, and bundles
 * that make no sense refused with exit 2 naming the JSON path.
 */
class RealExportsTest {

    @TempDir
    Path tmp;

    private static final String RULES = TestPaths.RULES.toString();

    /**
     * One conversation as the analytics details query returns it (AnalyticsConversationWithoutAttributes:
     * no participant attributes, no recordings): a UK client through the IVR and a queue to an agent.
     */
    static String conversation(int n) {
        String id = String.format("3f1e2d4c-%04d-4a5b-9c8d-7e6f5a4b3c2d", n);
        String day = String.format("2026-03-%02d", 2 + n % 20);
        return """
            { "conversationId": "%1$s", "conversationStart": "%2$sT09:15:00.000Z", "conversationEnd": "%2$sT09:27:41.250Z",
              "divisionIds": ["2f5d9a51-1c0e-4b57-8f2c-3e0d6f7a9b11"], "mediaStatsMinConversationMos": 4.38,
              "originatingDirection": "inbound",
              "participants": [
                { "participantId": "%1$s-p1", "participantName": "London", "purpose": "customer",
                  "sessions": [ { "mediaType": "voice", "sessionId": "%1$s-s1", "provider": "Edge", "direction": "inbound",
                      "ani": "tel:+44207123%3$04d", "dnis": "tel:+442079460000", "recording": true,
                      "metrics": [ { "name": "nConnected", "value": 1, "emitDate": "%2$sT09:15:00.400Z" } ],
                      "segments": [
                        { "segmentStart": "%2$sT09:15:00.000Z", "segmentEnd": "%2$sT09:15:40.000Z", "segmentType": "system" },
                        { "segmentStart": "%2$sT09:15:40.000Z", "segmentEnd": "%2$sT09:27:41.250Z", "segmentType": "interact",
                          "disconnectType": "endpoint" } ] } ] },
                { "participantId": "%1$s-p2", "participantName": "Main IVR", "purpose": "ivr",
                  "sessions": [ { "mediaType": "voice", "sessionId": "%1$s-s2", "direction": "inbound",
                      "ani": "tel:+44207123%3$04d", "dnis": "tel:+442079460000",
                      "flow": { "flowId": "d4f6b8c0-3003-4e50-b192-4d5e6f7a8b01", "flowName": "Main IVR", "flowType": "INBOUNDCALL" },
                      "segments": [ { "segmentStart": "%2$sT09:15:00.400Z", "segmentEnd": "%2$sT09:15:30.000Z", "segmentType": "ivr",
                          "disconnectType": "transfer" } ] } ] },
                { "participantId": "%1$s-p3", "participantName": "Dana Whitaker", "purpose": "agent",
                  "userId": "0e1f2a3b-aaaa-4c5d-8e9f-0a1b2c3d4e01",
                  "sessions": [ { "mediaType": "voice", "sessionId": "%1$s-s3", "direction": "inbound", "recording": true,
                      "segments": [
                        { "segmentStart": "%2$sT09:15:36.000Z", "segmentEnd": "%2$sT09:15:40.000Z", "segmentType": "alert",
                          "queueId": "e5a7c9d1-4004-4f61-c2a3-5e6f7a8b9c01" },
                        { "segmentStart": "%2$sT09:15:40.000Z", "segmentEnd": "%2$sT09:27:41.250Z", "segmentType": "interact",
                          "queueId": "e5a7c9d1-4004-4f61-c2a3-5e6f7a8b9c01" } ] } ] } ] }
            """.formatted(id, day, n);
    }

    static String detailsQueryResponse(int count) {
        return "{ \"conversations\": [" + IntStream.range(0, count).mapToObj(RealExportsTest::conversation)
                .collect(Collectors.joining(",")) + "], \"totalHits\": " + count + " }";
    }

    private Path write(String name, String json) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void a_details_query_response_of_25_conversations_gives_25_decision_lines_in_input_order_and_says_recordings_are_missing()
            throws Exception {
        Path export = write("details-query.json", detailsQueryResponse(25));

        CliTest.Run r = recguard("evaluate", "--rules", RULES, export.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(25);
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode d = json.readTree(line);
            ids.add(d.get("conversationId").asText());
            assertThat(d.get("residencyZone").asText()).isEqualTo("UK");
        }
        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 25)
                .mapToObj(n -> String.format("3f1e2d4c-%04d-4a5b-9c8d-7e6f5a4b3c2d", n)).toList());
        assertThat(r.err()).contains(export + ": recording findings assume none were made;"
                + " gather with the service for real recordings");
    }

    @Test
    void an_export_holding_one_conversation_prints_the_pretty_decision_as_for_a_bundle() throws Exception {
        Path export = write("one.json", detailsQueryResponse(1));

        CliTest.Run r = recguard("evaluate", "--rules", RULES, export.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out().strip().split("\n").length).isGreaterThan(5);
        assertThat(r.out()).contains("\"conversationId\" : \"3f1e2d4c-0000-4a5b-9c8d-7e6f5a4b3c2d\"");
        assertThat(r.err()).contains("recording findings assume none were made");
    }

    @Test
    void a_bundle_with_a_recordings_section_gets_no_note() throws Exception {
        Path bundle = write("bundle.json", "{ \"conversation\": " + conversation(1) + ", \"recordings\": [] }");

        CliTest.Run r = recguard("evaluate", "--rules", RULES, bundle.toString());

        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("recording findings");
    }

    @Test
    void explain_explains_each_conversation_of_an_export() throws Exception {
        Path export = write("two.json", detailsQueryResponse(2));

        CliTest.Run r = recguard("explain", "--rules", RULES, export.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Conversation 3f1e2d4c-0000-4a5b-9c8d-7e6f5a4b3c2d,")
                .contains("Conversation 3f1e2d4c-0001-4a5b-9c8d-7e6f5a4b3c2d,");
    }

    @Test
    void diff_counts_each_conversation_of_an_export() throws Exception {
        Path export = write("three.json", detailsQueryResponse(3));

        CliTest.Run r = recguard("diff", "--old", RULES, "--new", RULES, export.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.lastLine()).isEqualTo("0 of 3 decisions changed");
    }

    @Test
    void replay_of_a_details_query_response_says_it_is_an_export_not_a_fixture() throws Exception {
        Path export = write("export.json", detailsQueryResponse(3));

        CliTest.Run r = recguard("replay", "--rules", RULES, export.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("UNREADABLE " + export + ": a Genesys details query response holding 3 conversations,"
                + " not a fixture");
    }

    // Bundles POLICY.md 1 refuses: exit 2 and the JSON path of what is wrong.

    private CliTest.Run evaluate(String json) throws Exception {
        return recguard("evaluate", "--rules", RULES, write("refused.json", json).toString());
    }

    private static String bundle(String conversation, String rest) {
        return "{ \"conversation\": " + conversation + ", \"recordings\": []" + rest + " }";
    }

    @Test
    void a_conversation_without_its_end_is_refused_naming_conversation_end() throws Exception {
        CliTest.Run r = evaluate(bundle(conversation(1).replaceFirst("\"conversationEnd\": \"[^\"]*\",", ""), ""));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("refused.json: conversation.conversationEnd: is required");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_segment_ending_before_it_starts_is_refused_naming_the_segment_end() throws Exception {
        String bad = conversation(1).replace("\"segmentStart\": \"2026-03-03T09:15:40.000Z\", \"segmentEnd\": \"2026-03-03T09:27:41.250Z\"",
                "\"segmentStart\": \"2026-03-03T09:15:40.000Z\", \"segmentEnd\": \"2026-03-03T09:15:39.000Z\"");
        assertThat(bad).isNotEqualTo(conversation(1));

        CliTest.Run r = evaluate(bundle(bad, ""));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("conversation.participants[0].sessions[0].segments[1].segmentEnd: ");
    }

    @Test
    void in_an_export_the_path_names_the_conversation() throws Exception {
        String export = detailsQueryResponse(3).replaceFirst(
                "(3f1e2d4c-0002[^}]*?)\"conversationEnd\": \"[^\"]*\",", "$1");

        CliTest.Run r = evaluate(export);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("conversations[2].conversationEnd: is required");
    }

    @Test
    void a_repeated_key_is_refused_naming_the_key() throws Exception {
        String twice = conversation(1).replaceFirst("\"originatingDirection\": \"inbound\",",
                "\"originatingDirection\": \"inbound\", \"conversationEnd\": \"2027-03-03T09:27:41.250Z\",");

        CliTest.Run r = evaluate(bundle(twice, ""));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("conversation.conversationEnd: invalid JSON").contains("Duplicate field 'conversationEnd'");
    }

    @Test
    void a_repeated_key_deep_in_an_array_is_refused_naming_its_element() throws Exception {
        String twice = conversation(1).replaceFirst("\"segmentType\": \"system\"",
                "\"segmentType\": \"system\", \"segmentType\": \"interact\"");

        CliTest.Run r = evaluate(bundle(twice, ""));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("conversation.participants[0].sessions[0].segments[0].segmentType: invalid JSON");
    }

    @Test
    void a_legal_hold_naming_no_criterion_is_refused() throws Exception {
        CliTest.Run r = evaluate(bundle(conversation(1), ", \"legalHolds\": [ { \"id\": \"LH-1\" } ]"));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("legalHolds[0]: legal hold LH-1 names no criterion");
    }

    @Test
    void a_legal_hold_with_an_empty_user_list_is_refused_naming_the_list() throws Exception {
        CliTest.Run r = evaluate(bundle(conversation(1), ", \"legalHolds\": [ { \"id\": \"LH-2\", \"userIds\": [] } ]"));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("legalHolds[0].userIds: must be a non-empty list");
    }
}
