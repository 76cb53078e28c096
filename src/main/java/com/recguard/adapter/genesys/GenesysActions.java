package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.api.QualityApi;
import com.mypurecloud.sdk.v2.api.RecordingApi;
import com.mypurecloud.sdk.v2.model.AddressableEntityRef;
import com.mypurecloud.sdk.v2.model.ConversationDeletionProtectionQuery;
import com.mypurecloud.sdk.v2.model.Evaluation;
import com.mypurecloud.sdk.v2.model.EvaluationEntityListing;
import com.mypurecloud.sdk.v2.model.EvaluationForm;
import com.mypurecloud.sdk.v2.model.ParticipantAttributes;
import com.mypurecloud.sdk.v2.model.User;
import com.recguard.model.Bundle;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.service.ActionException;
import com.recguard.service.ActionHandler;
import com.recguard.service.ActionTask;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision's actions that Genesys Cloud carries out. Each is safe to repeat (the outbox may
 * run an action again): consent attributes are set, not appended; deletion protection is a PUT;
 * an evaluation is created only when the conversation has none with the compliance form for that
 * agent. docs/genesys.md says what each writes and the permissions it needs.
 */
public final class GenesysActions implements ActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysActions.class);

    public static final String RECORD_CONSENT = "RECORD_CONSENT";
    public static final String APPLY_LEGAL_HOLD = "APPLY_LEGAL_HOLD";
    public static final String QUEUE_FOR_QA = "QUEUE_FOR_QA";

    /** Participant data written by RECORD_CONSENT (the captured answer, recordingConsent, is left alone). */
    public static final String CONSENT_ATTRIBUTE = "recguardConsent";
    public static final String CONSENT_RULE_PACK_ATTRIBUTE = "recguardConsentRulePack";
    public static final String CONSENT_EVALUATED_AT_ATTRIBUTE = "recguardConsentEvaluatedAt";

    /** How an APPLY_LEGAL_HOLD failure for Genesys' protection cap begins, for operators' alerting. */
    public static final String CAP_REACHED = "Genesys deletion-protection cap reached";

    static final Call PATCH_ATTRIBUTES = Call.of("PATCH /api/v2/conversations/calls/{id}/participants/{participantId}/attributes",
            "none documented (unverified; the conversation:participant permissions are the likely ones)");
    static final Call PROTECT = Call.of("PUT /api/v2/recordings/deletionprotection?protect=true",
            "recording:deletionProtection:apply");
    static final Call LIST_PROTECTED = Call.of("POST /api/v2/recordings/deletionprotection", "recording:recording:view (unverified)");
    static final Call FIND_EVALUATIONS = Call.of("GET /api/v2/quality/evaluations/query", "quality:evaluation:view");
    static final Call CREATE_EVALUATION = Call.of("POST /api/v2/quality/conversations/{id}/evaluations", "quality:evaluation:add");

    private final GenesysClient client;
    private final ConversationsApi conversations;
    private final RecordingApi recording;
    private final QualityApi quality;

    public GenesysActions(GenesysClient client) {
        this.client = client;
        this.conversations = new ConversationsApi(client.api());
        this.recording = new RecordingApi(client.api());
        this.quality = new QualityApi(client.api());
    }

    @Override
    public Set<String> types() {
        return Set.of(RECORD_CONSENT, APPLY_LEGAL_HOLD, QUEUE_FOR_QA);
    }

    @Override
    public void execute(ActionTask task) throws ActionException {
        switch (task.action().type()) {
            case RECORD_CONSENT -> recordConsent(task);
            case APPLY_LEGAL_HOLD -> protect(task);
            case QUEUE_FOR_QA -> queueForQa(task);
            default -> throw ActionException.permanent("GenesysActions does not carry out " + task.action().type(), null);
        }
    }

    /**
     * Writes the consent decision into the participant data of every external party. A party whose
     * data already says the same is skipped, so a repeat writes nothing.
     */
    private void recordConsent(ActionTask task) throws ActionException {
        String consent = task.action().params().getOrDefault("consent", task.decision().consent());
        if (consent == null || consent.isBlank()) {
            throw ActionException.permanent(RECORD_CONSENT + " for " + task.conversationId() + " names no consent value", null);
        }
        Map<String, String> values = new TreeMap<>();
        values.put(CONSENT_ATTRIBUTE, consent);
        if (task.decision().rulePack() != null) {
            values.put(CONSENT_RULE_PACK_ATTRIBUTE, task.decision().rulePack());
        }
        if (task.bundle().evaluatedAt() != null) {
            values.put(CONSENT_EVALUATED_AT_ATTRIBUTE, task.bundle().evaluatedAt().toString());
        }
        List<Participant> externals = task.bundle().conversation().participants().stream()
                .filter(p -> p.role() == Participant.Role.EXTERNAL && p.participantId() != null).toList();
        if (externals.isEmpty()) {
            LOG.info("{} for {}: no external party to write the consent decision to", RECORD_CONSENT, task.conversationId());
            return;
        }
        for (Participant p : externals) {
            if (values.entrySet().stream().allMatch(e -> e.getValue().equals(p.attributes().get(e.getKey())))) {
                continue;
            }
            ParticipantAttributes body = new ParticipantAttributes();
            body.setAttributes(values);
            client.call(PATCH_ATTRIBUTES, () -> conversations.patchConversationsCallParticipantAttributes(
                    task.conversationId(), p.participantId(), body));
        }
    }

    /**
     * Genesys deletion protection for the conversation (it covers all its recordings). Genesys
     * protects at most 1,000 conversations per org; a refusal for that reason is reported loudly
     * (a log line and an ActionException beginning with {@value #CAP_REACHED}) and never taken for
     * success: the S3 legal hold remains the authoritative hold for this conversation.
     */
    private void protect(ActionTask task) throws ActionException {
        String id = task.conversationId();
        ConversationDeletionProtectionQuery query = new ConversationDeletionProtectionQuery();
        query.setConversationIds(List.of(id));
        try {
            client.call(PROTECT, () -> {
                recording.putRecordingsDeletionprotection(true, query);
                return null;
            });
            LOG.info("Genesys deletion protection applied to {} (recordings {})", id, recordingIds(task.bundle()));
        } catch (ActionException e) {
            if (!(e.getCause() instanceof ApiException api) || !capRefusal(api)) {
                throw e;
            }
            if (alreadyProtected(id)) {
                // A repeat after the org reached the cap: this conversation was protected before.
                LOG.info("Genesys deletion protection for {} was already in place", id);
                return;
            }
            String message = CAP_REACHED + ": Genesys refused deletion protection for conversation " + id
                    + " (recordings " + recordingIds(task.bundle()) + "); the org protects at most 1,000"
                    + " conversations. The S3 legal hold stays authoritative for this conversation. Release"
                    + " protection of closed matters in Genesys to make room. Genesys said: " + e.getMessage();
            LOG.error(message);
            throw ActionException.permanent(message, api);
        }
    }

    /**
     * Whether a refusal is for the 1,000-conversation cap. The exact error code is not documented,
     * so a client error (not auth, not found, not rate limit) whose body speaks of a limit counts.
     */
    static boolean capRefusal(ApiException e) {
        int s = e.getStatusCode();
        if (s < 400 || s >= 500 || s == 401 || s == 403 || s == 404 || s == 429) {
            return false;
        }
        String body = e.getRawBody() == null ? "" : e.getRawBody().toLowerCase(Locale.ROOT);
        return body.contains("1000") || body.contains("1,000") || body.contains("limit")
                || body.contains("maximum") || body.contains("exceed");
    }

    private boolean alreadyProtected(String id) throws ActionException {
        ConversationDeletionProtectionQuery query = new ConversationDeletionProtectionQuery();
        query.setConversationIds(List.of(id));
        List<AddressableEntityRef> protectedOnes = client.call(LIST_PROTECTED, () -> recording.postRecordingsDeletionprotection(query));
        return protectedOnes != null && protectedOnes.stream().map(AddressableEntityRef::getId).anyMatch(id::equals);
    }

    /**
     * An evaluation with the compliance checklist form, assigned to the configured evaluator, for
     * each staff member with an interact segment (the agents, and colleagues they consulted). One
     * the conversation already has (same form,
     * same agent, whoever created it) is not created again; several QUEUE_FOR_QA actions of one
     * decision (violation, hold, sample) therefore lead to one evaluation per agent.
     */
    private void queueForQa(ActionTask task) throws ActionException {
        String id = task.conversationId();
        GenesysConfig config = client.config();
        List<String> agents = task.bundle().conversation().participants().stream()
                .filter(p -> p.role() == Participant.Role.STAFF && p.userId() != null)
                .filter(p -> p.sessions().stream().flatMap(s -> s.segments().stream())
                        .anyMatch(seg -> "interact".equalsIgnoreCase(seg.segmentType())))
                .map(Participant::userId).distinct().sorted().toList();
        if (agents.isEmpty()) {
            LOG.warn("{} for {} ({}): no staff member spoke with the caller, so there is no agent to evaluate",
                    QUEUE_FOR_QA, id, task.action().params());
            return;
        }
        for (String agent : agents) {
            EvaluationEntityListing existing = client.call(FIND_EVALUATIONS, () -> quality.getQualityEvaluationsQuery(
                    100, 1, null, null, null, null, id, agent, null, null, null, null, null, null, null, null,
                    null, null, null, null, null));
            boolean has = existing != null && existing.getEntities() != null && existing.getEntities().stream()
                    .anyMatch(ev -> ev.getEvaluationForm() != null && config.qaFormId().equals(ev.getEvaluationForm().getId())
                            && ev.getAgent() != null && agent.equals(ev.getAgent().getId()));
            if (has) {
                continue;
            }
            Evaluation evaluation = new Evaluation();
            evaluation.setEvaluationForm(client.reference(EvaluationForm.class, config.qaFormId()));
            evaluation.setAgent(client.reference(User.class, agent));
            evaluation.setEvaluator(client.reference(User.class, config.qaEvaluatorId()));
            evaluation.setStatus(Evaluation.StatusEnum.PENDING);
            client.call(CREATE_EVALUATION, () -> quality.postQualityConversationEvaluations(id, evaluation, null));
            LOG.info("Compliance evaluation of {} for agent {} queued ({})", id, agent, task.action().params());
        }
    }

    /**
     * An SDK entity carrying only its id. The SDK models treat ids as read-only (no setter), so the
     * reference is read from JSON with the SDK's own mapper.
     */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static List<String> recordingIds(Bundle bundle) {
        return bundle.recordings().stream().map(Recording::id).filter(Objects::nonNull).sorted().toList();
    }
}
