package com.recguard.service;

import com.recguard.core.Evaluator;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Decision;
import com.recguard.model.Dtmf;
import com.recguard.model.Ivr;
import com.recguard.model.Participant;
import com.recguard.model.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real-time consent decision a Genesys Architect data action asks for while the caller is in
 * the IVR: the same rule pack decides, on a bundle holding just the caller, the dialled line and
 * the digit pressed (if any).
 */
public final class ConsentRouting {

    /** RECORD, ROUTE_TO_NON_RECORDED_QUEUE (with queue) or DISCONNECT, and why. */
    public record Answer(String action, String queue, String consent, String rulePack) {}

    private ConsentRouting() {}

    public static Answer decide(Evaluator evaluator, String callId, String callerNumber, String dialledLine,
                                String consentDigit, String clientRegion, Instant at) {
        Map<String, String> attrs = clientRegion == null ? Map.of() : Map.of("clientRegion", clientRegion);
        Participant caller = new Participant("caller", "customer", null, attrs,
                List.of(new Session(null, "voice", "inbound", callerNumber, dialledLine, null, List.of())));
        List<Dtmf> dtmf = consentDigit == null || consentDigit.isBlank() ? List.of()
                : List.of(new Dtmf(consentDigit, "recording-consent", at));
        Bundle bundle = new Bundle(new Conversation(callId, at, null, "inbound", List.of(caller)),
                List.of(), List.of(), new Ivr(null, List.of(), dtmf), List.of(), List.of(), at, true);
        Decision d = evaluator.evaluate(bundle);
        for (Action a : d.actions()) {
            if (a.type().equals("ROUTE_TO_NON_RECORDED_QUEUE")) {
                return new Answer(a.type(), a.params().get("queue"), d.consent(), d.rulePack());
            }
            if (a.type().equals("DISCONNECT")) {
                return new Answer(a.type(), null, d.consent(), d.rulePack());
            }
        }
        return new Answer("RECORD", null, d.consent(), d.rulePack());
    }
}
