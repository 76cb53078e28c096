package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.model.Action;
import com.recguard.model.Decision;
import com.recguard.model.Evidence;
import com.recguard.model.Violation;
import java.io.UncheckedIOException;

/** Writes the decision JSON of POLICY.md section 2, fields in a fixed order, so output is byte-stable. */
public final class DecisionWriter {

    private DecisionWriter() {}

    public static ObjectNode toTree(Decision d) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        o.put("conversationId", d.conversationId());
        o.put("recording", d.recording());
        o.put("consent", d.consent());
        o.put("residencyZone", d.residencyZone());
        o.put("archiveRegion", d.archiveRegion());
        o.put("legalHold", d.legalHold());
        d.holdReasons().forEach(o.putArray("holdReasons")::add);
        o.put("retainUntil", d.retainUntil() == null ? null : d.retainUntil().toString());
        ArrayNode violations = o.putArray("violations");
        for (Violation v : d.violations()) {
            violations.addObject().put("code", v.code()).put("rule", v.rule()).put("detail", v.detail());
        }
        ArrayNode actions = o.putArray("actions");
        for (Action a : d.actions()) {
            ObjectNode an = actions.addObject().put("type", a.type());
            a.params().forEach(an::put);
        }
        ArrayNode evidence = o.putArray("evidence");
        for (Evidence e : d.evidence()) {
            evidence.addObject().put("reason", e.reason()).put("phrase", e.phrase())
                    .put("utterance", e.utterance()).put("offset", e.offset()).put("snippet", e.snippet());
        }
        o.put("final", d.isFinal());
        o.put("rulePack", d.rulePack());
        d.firedRules().forEach(o.putArray("firedRules")::add);
        return o;
    }

    public static String write(Decision d) {
        try {
            return BundleReader.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree(d));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of an ALERT webhook call: the conversation, its violations and the pack that found them. */
    public static String alertBody(Decision d) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        o.put("conversationId", d.conversationId());
        ArrayNode violations = o.putArray("violations");
        for (Violation v : d.violations()) {
            violations.addObject().put("code", v.code()).put("rule", v.rule()).put("detail", v.detail());
        }
        o.put("rulePack", d.rulePack());
        return o.toString();
    }

    /** One line, for logs and the service. */
    public static String writeCompact(Decision d) {
        return toTree(d).toString();
    }
}
