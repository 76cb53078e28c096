package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static com.recguard.adapter.genesys.GenesysStub.CUSTOMER_PARTICIPANT;
import static com.recguard.adapter.genesys.GenesysStub.DANA;
import static com.recguard.adapter.genesys.GenesysStub.EVALUATOR_ID;
import static com.recguard.adapter.genesys.GenesysStub.FORM_ID;
import static com.recguard.adapter.genesys.GenesysStub.MARCUS;
import static com.recguard.adapter.genesys.GenesysStub.PRIYA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Decision;
import com.recguard.model.Participant;
import com.recguard.service.ActionException;
import com.recguard.service.ActionTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** RECORD_CONSENT, APPLY_LEGAL_HOLD and QUEUE_FOR_QA as requests to a stub Genesys on 127.0.0.1. */
class GenesysActionsTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    static final String RULE_PACK = "sha256:708c258a6f7cb4f781e87b2ae997844716e567af452e3fc58b9567ff2bef47bf";
    static final String PROTECTION = API + "/recordings/deletionprotection";
    static final String ATTRIBUTES = API + "/conversations/calls/" + CONVERSATION_ID + "/participants/" + CUSTOMER_PARTICIPANT + "/attributes";
    static final String EVALUATIONS = API + "/quality/conversations/" + CONVERSATION_ID + "/evaluations";

    private GenesysClient client;
    private GenesysActions actions;
    private Bundle bundle;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void genesys() throws Exception {
        GenesysStub.conversation(wm);
        client = new GenesysClient(GenesysStub.config(wm));
        bundle = new GenesysConversationSource(client).gather(CONVERSATION_ID, Instant.parse("2026-03-10T15:40:00Z"), List.of());
        actions = new GenesysActions(client);
        log.start();
        ((Logger) LoggerFactory.getLogger(GenesysActions.class)).addAppender(log);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(GenesysActions.class)).detachAppender(log);
        client.close();
    }

    private ActionTask task(String type, Map<String, String> params, Bundle b) {
        Action action = new Action(type, new TreeMap<>(params));
        Decision decision = new Decision(CONVERSATION_ID, "REQUIRED", "GIVEN", "US", "us-east-1", true,
                List.of("PHRASE:guaranteed return"), LocalDate.parse("2033-03-10"), List.of(), List.of(action), List.of(),
                true, RULE_PACK, List.of());
        return new ActionTask(action, decision, b);
    }

    @Test
    void handles_the_three_genesys_actions() {
        assertThat(actions.types()).containsExactlyInAnyOrder("RECORD_CONSENT", "APPLY_LEGAL_HOLD", "QUEUE_FOR_QA");
    }

    @Test
    void record_consent_writes_the_decision_into_the_clients_participant_data() throws Exception {
        wm.stubFor(patch(urlPathEqualTo(ATTRIBUTES)).willReturn(okJson("{\"attributes\":{}}")));

        actions.execute(task("RECORD_CONSENT", Map.of("consent", "GIVEN"), bundle));

        wm.verify(exactly(1), patchRequestedFor(urlPathMatching(API + "/conversations/calls/.*/attributes")));
        wm.verify(patchRequestedFor(urlPathEqualTo(ATTRIBUTES)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .withRequestBody(equalToJson("""
                        { "attributes": { "recguardConsent": "GIVEN",
                                          "recguardConsentRulePack": "%s",
                                          "recguardConsentEvaluatedAt": "2026-03-10T15:40:00Z" } }
                        """.formatted(RULE_PACK))));
    }

    @Test
    void record_consent_writes_nothing_when_the_participant_data_already_says_so() throws Exception {
        Bundle recorded = withCustomerAttributes(Map.of("recguardConsent", "GIVEN", "recguardConsentRulePack", RULE_PACK,
                "recguardConsentEvaluatedAt", "2026-03-10T15:40:00Z"));

        actions.execute(task("RECORD_CONSENT", Map.of("consent", "GIVEN"), recorded));

        wm.verify(exactly(0), patchRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void apply_legal_hold_puts_the_conversation_under_deletion_protection() throws Exception {
        wm.stubFor(put(urlPathEqualTo(PROTECTION)).willReturn(aResponse().withStatus(204)));

        actions.execute(task("APPLY_LEGAL_HOLD", Map.of("reasons", "PHRASE:guaranteed return"), bundle));

        wm.verify(exactly(1), putRequestedFor(urlPathEqualTo(PROTECTION)).withQueryParam("protect", equalTo("true"))
                .withRequestBody(equalToJson("{\"conversationIds\":[\"" + CONVERSATION_ID + "\"]}")));
    }

    @Test
    void a_refusal_at_the_protection_cap_is_reported_and_never_taken_for_success() {
        wm.stubFor(put(urlPathEqualTo(PROTECTION)).willReturn(GenesysStub.error(400, "bad.request",
                "Maximum number of 1000 protected conversations per organization exceeded")));
        wm.stubFor(post(urlPathEqualTo(PROTECTION)).willReturn(okJson("[]")));

        ActionException e = catchThrowableOfType(ActionException.class,
                () -> actions.execute(task("APPLY_LEGAL_HOLD", Map.of("reasons", "PHRASE:guaranteed return"), bundle)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith(GenesysActions.CAP_REACHED)
                .contains(CONVERSATION_ID).contains("S3 legal hold stays authoritative")
                .contains("6b7c8d9e-0d0d-48fa-51d2-4b5c6d7e8f01");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith(GenesysActions.CAP_REACHED).contains(CONVERSATION_ID);
        });
        wm.verify(postRequestedFor(urlPathEqualTo(PROTECTION))
                .withRequestBody(equalToJson("{\"conversationIds\":[\"" + CONVERSATION_ID + "\"]}")));
    }

    @Test
    void a_repeat_at_the_cap_succeeds_when_the_conversation_is_already_protected() throws Exception {
        wm.stubFor(put(urlPathEqualTo(PROTECTION)).willReturn(GenesysStub.error(400, "bad.request",
                "Maximum number of 1000 protected conversations per organization exceeded")));
        wm.stubFor(post(urlPathEqualTo(PROTECTION)).willReturn(okJson(
                "[{\"id\":\"" + CONVERSATION_ID + "\",\"selfUri\":\"/api/v2/conversations/" + CONVERSATION_ID + "\"}]")));

        actions.execute(task("APPLY_LEGAL_HOLD", Map.of("reasons", "PHRASE:guaranteed return"), bundle));

        assertThat(log.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }

    @Test
    void another_refusal_of_protection_is_an_ordinary_permanent_failure() {
        wm.stubFor(put(urlPathEqualTo(PROTECTION)).willReturn(GenesysStub.error(400, "invalid.value", "conversationIds is invalid")));

        ActionException e = catchThrowableOfType(ActionException.class,
                () -> actions.execute(task("APPLY_LEGAL_HOLD", Map.of("reasons", "HOLD:LH-3"), bundle)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain(GenesysActions.CAP_REACHED).contains("conversationIds is invalid");
    }

    @Test
    void queue_for_qa_creates_a_pending_compliance_evaluation_for_each_agent_who_has_none() throws Exception {
        evaluationsInGenesys(Map.of(DANA, FORM_ID));
        wm.stubFor(post(urlPathEqualTo(EVALUATIONS)).willReturn(okJson("{\"id\":\"e1d2c3b4-0000-4a00-9000-00000000000b\",\"status\":\"PENDING\"}")));

        actions.execute(task("QUEUE_FOR_QA", Map.of("reason", "legal-hold"), bundle));

        for (String agent : List.of(MARCUS, PRIYA)) {
            wm.verify(postRequestedFor(urlPathEqualTo(EVALUATIONS)).withHeader("Authorization", equalTo("Bearer tok-1"))
                    .withRequestBody(equalToJson("""
                    { "evaluationForm": { "id": "%s" }, "agent": { "id": "%s" }, "evaluator": { "id": "%s" },
                      "status": "PENDING" }
                    """.formatted(FORM_ID, agent, EVALUATOR_ID), true, true)));
        }
        wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(EVALUATIONS)));
    }

    @Test
    void queue_for_qa_again_creates_only_what_is_missing_and_counts_only_the_compliance_form() throws Exception {
        evaluationsInGenesys(Map.of(DANA, FORM_ID, PRIYA, FORM_ID, MARCUS, "5c6d7e8f-sales-quality-form"));
        wm.stubFor(post(urlPathEqualTo(EVALUATIONS)).willReturn(okJson("{\"id\":\"e1d2c3b4-0000-4a00-9000-00000000000c\"}")));

        actions.execute(task("QUEUE_FOR_QA", Map.of("reason", "sample", "month", "2026-03"), bundle));

        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(EVALUATIONS)));
        wm.verify(postRequestedFor(urlPathEqualTo(EVALUATIONS))
                .withRequestBody(equalToJson("{\"agent\":{\"id\":\"" + MARCUS + "\"}}", true, true)));
    }

    /** The evaluations query answering, per agent, with one evaluation of the given form (others: none). */
    private static void evaluationsInGenesys(Map<String, String> formByAgent) {
        String query = API + "/quality/evaluations/query";
        wm.stubFor(get(urlPathEqualTo(query)).willReturn(okJson("{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0}")));
        formByAgent.forEach((agent, form) -> wm.stubFor(get(urlPathEqualTo(query))
                .withQueryParam("conversationId", equalTo(CONVERSATION_ID))
                .withQueryParam("agentUserId", equalTo(agent)).willReturn(okJson("""
                        { "entities": [ { "id": "e1d2c3b4-0000-4a00-9000-0000000000%s",
                            "evaluationForm": { "id": "%s", "name": "a published form" },
                            "agent": { "id": "%s" }, "evaluator": { "id": "%s" }, "status": "INPROGRESS" } ],
                          "pageSize": 100, "pageNumber": 1, "total": 1 }
                        """.formatted(agent.substring(9, 11), form, agent, EVALUATOR_ID)))));
    }

    @Test
    void queue_for_qa_of_a_conversation_nobody_answered_creates_nothing() throws Exception {
        Bundle ivrOnly = new Bundle(new Conversation(CONVERSATION_ID, bundle.conversation().conversationStart(),
                bundle.conversation().conversationEnd(), "inbound", bundle.conversation().participants().subList(0, 3)),
                List.of(), List.of(), null, List.of(), List.of(), bundle.evaluatedAt(), true);

        actions.execute(task("QUEUE_FOR_QA", Map.of("reason", "violation"), ivrOnly));

        wm.verify(exactly(0), postRequestedFor(urlPathEqualTo(EVALUATIONS)));
    }

    private Bundle withCustomerAttributes(Map<String, String> extra) {
        List<Participant> ps = bundle.conversation().participants().stream().map(p -> {
            if (!CUSTOMER_PARTICIPANT.equals(p.participantId())) {
                return p;
            }
            Map<String, String> attrs = new HashMap<>(p.attributes());
            attrs.putAll(extra);
            return new Participant(p.participantId(), p.purpose(), p.userId(), attrs, p.sessions());
        }).toList();
        Conversation c = bundle.conversation();
        return new Bundle(new Conversation(c.conversationId(), c.conversationStart(), c.conversationEnd(),
                c.originatingDirection(), ps), bundle.recordings(), bundle.recordingStops(), bundle.ivr(),
                bundle.transcript(), bundle.legalHolds(), bundle.evaluatedAt(), true);
    }
}
