package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static com.recguard.adapter.genesys.GenesysStub.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.TestPaths;
import com.recguard.core.Evaluator;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.Dtmf;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Utterance;
import com.recguard.rules.RulePack;
import com.recguard.service.ActionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gathering a bundle and sweeping for ended conversations, against Genesys-shaped JSON on 127.0.0.1. */
class GenesysConversationSourceTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    static final String API = GenesysStub.API;
    static final String MARCUS = GenesysStub.MARCUS;
    static final Instant EVALUATED_AT = Instant.parse("2026-03-10T15:40:00Z");
    static final List<LegalHold> HOLDS = List.of(
            new LegalHold("LH-3", List.of(MARCUS), LocalDate.parse("2026-01-01"), null, List.of()));

    private GenesysClient client;

    @BeforeEach
    void genesys() {
        GenesysStub.conversation(wm);
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private GenesysConversationSource source(Map<String, String> env) {
        client = new GenesysClient(GenesysConfig.fromEnv(env));
        return new GenesysConversationSource(client);
    }

    private GenesysConversationSource source() {
        return source(GenesysStub.env(wm));
    }

    @Test
    void gathers_detail_participant_data_recordings_pauses_ivr_and_transcript_into_a_bundle() throws Exception {
        Bundle b = source().gather(CONVERSATION_ID, EVALUATED_AT, HOLDS);

        assertThat(b.conversation().conversationId()).isEqualTo(CONVERSATION_ID);
        assertThat(b.conversation().conversationStart()).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
        assertThat(b.conversation().conversationEnd()).isEqualTo(Instant.parse("2026-03-10T15:21:40.500Z"));
        assertThat(b.conversation().originatingDirection()).isEqualTo("inbound");
        assertThat(b.conversation().participants()).extracting(Participant::purpose, Participant::role)
                .containsExactly(tuple("customer", Participant.Role.EXTERNAL), tuple("ivr", Participant.Role.SYSTEM),
                        tuple("acd", Participant.Role.SYSTEM), tuple("agent", Participant.Role.STAFF),
                        tuple("user", Participant.Role.STAFF), tuple("acd", Participant.Role.SYSTEM),
                        tuple("agent", Participant.Role.STAFF));
        Participant customer = b.conversation().participants().get(0);
        assertThat(customer.attributes()).containsEntry("ivr.dtmf.recording-consent", "1").containsEntry("transactionId", "T-51200");
        assertThat(customer.sessions().get(0).ani()).isEqualTo("tel:+14155550142");
        assertThat(customer.sessions().get(0).dnis()).isEqualTo("tel:+12125550199");
        assertThat(customer.sessions().get(0).segments()).extracting(s -> s.segmentType())
                .containsExactly("system", "interact", "hold", "interact");
        Participant dana = b.conversation().participants().get(3);
        assertThat(dana.sessions()).as("her call with the client and her consult leg").hasSize(2);
        assertThat(dana.sessions().get(1).direction()).isEqualTo("outbound");

        assertThat(b.recordings()).extracting(Recording::id, Recording::sessionId, Recording::media, Recording::fileState,
                Recording::region).containsExactly(
                        tuple("2d3e4f5a-0909-44b6-17f8-0d1e2f3a4b01", GenesysStub.CUSTOMER_LEG, "audio", "AVAILABLE", "us-east-1"),
                        tuple("3e4f5a6b-0a0a-45c7-28a9-1e2f3a4b5c01", GenesysStub.FIRST_AGENT_LEG, "audio", "AVAILABLE", "us-east-1"),
                        tuple("6b7c8d9e-0d0d-48fa-51d2-4b5c6d7e8f01", GenesysStub.SECOND_AGENT_LEG, "audio", "AVAILABLE", "us-east-1"),
                        tuple("8d9e0f1a-0f0f-4a1c-73f4-6d7e8f9a0b01", GenesysStub.CONSULT_LEG, "audio", "ARCHIVED", "us-east-1"),
                        tuple("9e0f1a2b-1010-4b2d-84a5-7e8f9a0b1c01", GenesysStub.FIRST_AGENT_LEG, "screen", "AVAILABLE", "us-east-1"));
        assertThat(b.recordings()).filteredOn(r -> "audio".equals(r.media()))
                .allSatisfy(r -> assertThat(r.startTime()).as("audio metadata has no times").isNull());
        assertThat(b.recordings()).filteredOn(r -> "screen".equals(r.media())).singleElement()
                .satisfies(r -> assertThat(r.startTime()).isEqualTo(Instant.parse("2026-03-10T15:01:14Z")));
        assertThat(b.conversation().participants().get(3).sessions()).extracting(s -> s.sessionId(), s -> s.recording())
                .containsExactly(tuple(GenesysStub.FIRST_AGENT_LEG, true), tuple(GenesysStub.CONSULT_LEG, true));

        assertThat(b.recordingStops()).as("the IVR suppression and the secure pause; not the hold, not the bookmark")
                .containsExactly(
                        new RecordingStop(Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-10T15:01:10Z"), "flow", null),
                        new RecordingStop(Instant.parse("2026-03-10T15:16:25Z"), Instant.parse("2026-03-10T15:17:10Z"),
                                "agent", "PCI_SECURE_PAUSE"));

        assertThat(b.ivr().flowName()).isEqualTo("US Markets Main IVR");
        assertThat(b.ivr().menuPath()).containsExactly("main", "equities");
        assertThat(b.ivr().dtmf()).containsExactly(new Dtmf("3", "main-menu", null), new Dtmf("1", "recording-consent", null));

        assertThat(b.transcript()).as("both pieces of the last leg, the phrase in both kept once").hasSize(8);
        assertThat(b.transcript().get(0)).isEqualTo(new Utterance("agent", 867_300,
                "Private Clients, Marcus Bell speaking. This call is recorded."));
        assertThat(b.transcript().get(1).purpose()).isEqualTo("customer");
        assertThat(b.transcript()).extracting(Utterance::text).anyMatch(t -> t.contains("Guaranteed   Return"));
        assertThat(b.transcript()).extracting(Utterance::offsetMs).isSorted();
        assertThat(b.transcript().get(7).text()).isEqualTo("You will have it by five. Goodbye.");

        assertThat(b.legalHolds()).isEqualTo(HOLDS);
        assertThat(b.evaluatedAt()).isEqualTo(EVALUATED_AT);
        assertThat(b.settled()).as("recordings may still be uploading").isFalse();
        wm.verify(exactly(2), getRequestedFor(urlPathMatching("/s3/transcripts/.*")).withoutHeader("Authorization"));
        wm.verify(exactly(0), getRequestedFor(urlPathMatching(".*/transcripturl")));
    }

    @Test
    void a_gather_asked_for_as_settled_says_so_and_the_default_gather_does_not() throws Exception {
        GenesysConversationSource source = source();

        assertThat(source.gather(CONVERSATION_ID, EVALUATED_AT, List.of()).settled()).isFalse();
        assertThat(source.gather(CONVERSATION_ID, EVALUATED_AT, List.of(), true).settled()).isTrue();
    }

    @Test
    void a_recording_uploading_on_two_gathers_gives_provisional_decisions_then_a_final_one_and_its_pauses_vanish_once_archived()
            throws Exception {
        GenesysStub.uploadingThenAvailableThenArchived(wm);
        GenesysConversationSource source = source();
        Evaluator evaluator = new Evaluator(RulePack.load(TestPaths.RULES));

        for (int gather = 1; gather <= 2; gather++) {
            Bundle b = source.gather(CONVERSATION_ID, EVALUATED_AT, HOLDS);
            assertThat(b.recordings()).filteredOn(r -> GenesysStub.SECOND_LEG_RECORDING.equals(r.id()))
                    .extracting(Recording::fileState).containsExactly("UPLOADING");
            Decision d = evaluator.evaluate(b);
            assertThat(d.isFinal()).as("gather %d", gather).isFalse();
            assertThat(d.actions()).extracting(Action::type).as("evidence protected at once, nothing else")
                    .contains("APPLY_LEGAL_HOLD").doesNotContain("ARCHIVE", "QUEUE_FOR_QA", "ALERT");
            assertThat(d.violations()).isEmpty();
        }

        Bundle available = source.gather(CONVERSATION_ID, EVALUATED_AT, HOLDS);
        Decision d = evaluator.evaluate(available);
        assertThat(d.isFinal()).isTrue();
        assertThat(d.violations()).isEmpty();
        assertThat(d.actions()).extracting(Action::type).contains("ARCHIVE", "QUEUE_FOR_QA", "APPLY_LEGAL_HOLD");
        assertThat(available.recordingStops()).extracting(RecordingStop::justification).contains("PCI_SECURE_PAUSE");

        Bundle archived = source.gather(CONVERSATION_ID, EVALUATED_AT, HOLDS);
        assertThat(archived.recordings()).extracting(Recording::fileState).containsOnly("ARCHIVED");
        assertThat(archived.recordingStops()).as("Genesys returns no pause annotations once archived").isEmpty();
    }

    @Test
    void a_pending_state_the_sdk_enum_does_not_know_stays_pending_and_the_decision_provisional() throws Exception {
        GenesysStub.secondLegIn(wm, "PENDING");

        Bundle b = source().gather(CONVERSATION_ID, EVALUATED_AT, List.of());

        assertThat(b.recordings()).filteredOn(r -> GenesysStub.SECOND_LEG_RECORDING.equals(r.id()))
                .extracting(Recording::fileState).containsExactly("PENDING");
        assertThat(new Evaluator(RulePack.load(TestPaths.RULES)).evaluate(b).isFinal()).isFalse();
    }

    @Test
    void a_screen_recording_alone_does_not_satisfy_missing_recording() throws Exception {
        GenesysStub.onlyAScreenRecording(wm);
        Evaluator evaluator = new Evaluator(RulePack.load(TestPaths.RULES));
        GenesysConversationSource source = source();

        Decision waiting = evaluator.evaluate(source.gather(CONVERSATION_ID, EVALUATED_AT, List.of()));
        Decision settled = evaluator.evaluate(source.gather(CONVERSATION_ID, EVALUATED_AT, List.of(), true));

        assertThat(waiting.isFinal()).as("sessions flagged as recorded have no recording yet").isFalse();
        assertThat(waiting.violations()).isEmpty();
        assertThat(settled.isFinal()).isTrue();
        assertThat(settled.violations()).extracting(v -> v.code()).contains("MISSING_RECORDING");
        assertThat(settled.actions()).extracting(Action::type).contains("ARCHIVE", "ALERT");
    }

    @Test
    void the_gathered_bundle_under_the_shipped_rules_is_a_held_consented_us_call_without_violations() throws Exception {
        Bundle gathered = source().gather(CONVERSATION_ID, EVALUATED_AT, HOLDS);
        assertThat(gathered.settled()).as("the source never claims Genesys has settled; the service does").isFalse();
        // As the service decides it once the settle deadline has passed.
        Bundle b = new Bundle(gathered.conversation(), gathered.recordings(), gathered.recordingStops(), gathered.ivr(),
                gathered.transcript(), gathered.legalHolds(), gathered.evaluatedAt(), true);

        Decision d = new Evaluator(RulePack.load(TestPaths.RULES)).evaluate(b);

        assertThat(d.recording()).isEqualTo("REQUIRED");
        assertThat(d.consent()).as("California caller pressed 1 at the consent prompt").isEqualTo("GIVEN");
        assertThat(d.residencyZone()).isEqualTo("US");
        assertThat(d.archiveRegion()).isEqualTo("us-east-1");
        assertThat(d.isFinal()).as("every recording uploaded: final without waiting for the deadline").isTrue();
        assertThat(d.violations()).as("IVR suppression (FlowOrQueue) overlaps no staff time, secure pause approved,"
                + " recordings usable and in the US").isEmpty();
        assertThat(d.legalHold()).isTrue();
        assertThat(d.holdReasons()).containsExactlyInAnyOrder("PHRASE:guaranteed return", "HOLD:LH-3");
        assertThat(d.retainUntil()).isEqualTo(LocalDate.parse("2033-03-10"));
        assertThat(d.actions()).extracting(Action::type)
                .contains("ARCHIVE", "RECORD_CONSENT", "APPLY_LEGAL_HOLD", "QUEUE_FOR_QA")
                .doesNotContain("ALERT", "DISCONNECT", "ROUTE_TO_NON_RECORDED_QUEUE");
    }

    @Test
    void a_conversation_not_yet_in_analytics_is_retryable() {
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/c-too-new/details"))
                .willReturn(GenesysStub.error(404, "not.found", "Conversation not found")));

        ActionException e = catchThrowableOfType(ActionException.class,
                () -> source().gather("c-too-new", EVALUATED_AT, List.of()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(e.getMessage()).contains("not in Genesys analytics yet");
    }

    @Test
    void a_region_stated_in_the_configuration_is_used_and_transcripts_can_be_switched_off() throws Exception {
        Map<String, String> env = GenesysStub.env(wm);
        env.put(GenesysConfig.RECORDING_REGION, "eu-west-2");
        env.put(GenesysConfig.TRANSCRIPTS, "false");

        Bundle b = source(env).gather(CONVERSATION_ID, EVALUATED_AT, List.of());

        assertThat(b.recordings()).extracting(Recording::region).containsOnly("eu-west-2");
        assertThat(b.transcript()).isEmpty();
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(API + "/recording/settings")));
        wm.verify(exactly(0), getRequestedFor(urlPathMatching(API + "/speechandtextanalytics/.*")));
    }

    @Test
    void with_regional_recording_storage_the_region_is_unknown_and_looked_up_once() throws Exception {
        wm.stubFor(get(urlPathEqualTo(API + "/recording/settings")).willReturn(okJson(
                "{\"maxSimultaneousStreams\":0,\"regionalRecordingStorageEnabled\":true}")));
        GenesysConversationSource source = source();

        source.gather(CONVERSATION_ID, EVALUATED_AT, List.of());
        Bundle b = source.gather(CONVERSATION_ID, EVALUATED_AT, List.of());

        assertThat(b.recordings()).extracting(Recording::region).containsOnlyNulls();
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(API + "/recording/settings")));
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(API + "/telephony/mediaregions")));
    }

    @Test
    void the_sweep_pages_through_the_details_query_and_keeps_conversations_that_ended_in_the_window() throws Exception {
        String query = API + "/analytics/conversations/details/query";
        for (int page = 1; page <= 3; page++) {
            wm.stubFor(post(urlPathEqualTo(query)).withRequestBody(matchingJsonPath("$.paging.pageNumber", equalTo("" + page)))
                    .willReturn(okJson(resource("query-page-" + page + ".json"))));
        }
        client = new GenesysClient(GenesysStub.config(wm));
        GenesysConversationSource source = new GenesysConversationSource(client, 2);

        List<String> ids = source.conversationsEndedBetween(Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-10T16:00:00Z"));

        assertThat(ids).containsExactly("11111111-0002-4f00-8000-000000000002", "11111111-0003-4f00-8000-000000000003",
                "11111111-0004-4f00-8000-000000000004");
        wm.verify(exactly(3), postRequestedFor(urlPathEqualTo(query)));
        wm.verify(postRequestedFor(urlPathEqualTo(query)).withRequestBody(equalToJson("""
                { "interval": "2026-03-08T15:00:00Z/2026-03-10T16:00:00Z",
                  "order": "asc", "orderBy": "conversationStart",
                  "paging": { "pageSize": 2, "pageNumber": 1 },
                  "conversationFilters": [ { "type": "and", "predicates": [
                      { "type": "dimension", "dimension": "conversationEnd", "operator": "exists" } ] } ] }
                """, true, true)));
    }

    @Test
    void the_sweep_refuses_a_window_with_more_results_than_genesys_pages_through() {
        wm.stubFor(post(urlPathEqualTo(API + "/analytics/conversations/details/query"))
                .willReturn(okJson("{\"conversations\":[],\"totalHits\":100001}")));

        ActionException e = catchThrowableOfType(ActionException.class, () -> source()
                .conversationsEndedBetween(Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-10T16:00:00Z")));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("100001").contains("GENESYS_SWEEP_LOOKBACK_HOURS");
    }
}
