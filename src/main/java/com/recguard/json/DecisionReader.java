package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.recguard.model.Action;
import com.recguard.model.Decision;
import com.recguard.model.Evidence;
import com.recguard.model.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Reads back the decision JSON that {@link DecisionWriter} wrote (the outbox and the audit log keep it). */
public final class DecisionReader {

    private DecisionReader() {}

    public static Decision read(String json) throws BundleFormatException {
        JsonNode n;
        try {
            n = BundleReader.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleFormatException("not a decision: " + e.getOriginalMessage(), e);
        }
        List<Violation> violations = new ArrayList<>();
        n.path("violations").forEach(v -> violations.add(new Violation(text(v, "code"), text(v, "rule"), text(v, "detail"))));
        List<Action> actions = new ArrayList<>();
        n.path("actions").forEach(a -> {
            TreeMap<String, String> params = new TreeMap<>();
            a.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("type")) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            });
            actions.add(new Action(text(a, "type"), params));
        });
        List<Evidence> evidence = new ArrayList<>();
        n.path("evidence").forEach(e -> evidence.add(new Evidence(text(e, "reason"), text(e, "phrase"),
                e.path("utterance").asInt(), e.path("offset").asInt(), text(e, "snippet"))));
        return new Decision(text(n, "conversationId"), text(n, "recording"), text(n, "consent"), text(n, "residencyZone"),
                text(n, "archiveRegion"), n.path("legalHold").asBoolean(), strings(n, "holdReasons"),
                n.hasNonNull("retainUntil") ? LocalDate.parse(n.get("retainUntil").asText()) : null,
                violations, actions, evidence, !n.has("final") || n.get("final").asBoolean(), text(n, "rulePack"),
                strings(n, "firedRules"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }
}
