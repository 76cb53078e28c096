package com.recguard.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Dtmf;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Segment;
import com.recguard.model.Session;
import com.recguard.model.Utterance;
import java.time.Instant;
import java.time.LocalDate;

/** Writes a bundle in the shape of POLICY.md section 1, so that {@link BundleReader} reads back an equal bundle. */
public final class BundleWriter {

    private BundleWriter() {}

    public static String write(Bundle b) {
        return toTree(b).toString();
    }

    /**
     * The bundle in canonical JSON: object keys sorted at every level, no insignificant whitespace
     * (array order is meaning and is kept). The same bundle gives the same bytes in every process,
     * whatever order a map was filled in, so its hash in the decision log is stable.
     */
    public static String canonical(Bundle b) {
        return sorted(toTree(b)).toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode sorted(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = BundleReader.MAPPER.createObjectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            names.forEach(name -> out.set(name, sorted(n.get(name))));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = BundleReader.MAPPER.createArrayNode();
            n.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return n;
    }

    public static ObjectNode toTree(Bundle b) {
        ObjectNode root = BundleReader.MAPPER.createObjectNode();
        Conversation c = b.conversation();
        ObjectNode conv = root.putObject("conversation");
        conv.put("conversationId", c.conversationId());
        time(conv, "conversationStart", c.conversationStart());
        time(conv, "conversationEnd", c.conversationEnd());
        conv.put("originatingDirection", c.originatingDirection());
        ArrayNode parts = conv.putArray("participants");
        for (Participant p : c.participants()) {
            ObjectNode pn = parts.addObject().put("participantId", p.participantId()).put("purpose", p.purpose()).put("userId", p.userId());
            ObjectNode attrs = pn.putObject("attributes");
            p.attributes().forEach(attrs::put);
            ArrayNode sessions = pn.putArray("sessions");
            for (Session s : p.sessions()) {
                ObjectNode sn = sessions.addObject().put("sessionId", s.sessionId()).put("mediaType", s.mediaType()).put("direction", s.direction())
                        .put("ani", s.ani()).put("dnis", s.dnis());
                if (s.recording() != null) {
                    sn.put("recording", s.recording());
                }
                ArrayNode segs = sn.putArray("segments");
                for (Segment seg : s.segments()) {
                    ObjectNode g = segs.addObject().put("segmentType", seg.segmentType());
                    time(g, "segmentStart", seg.segmentStart());
                    time(g, "segmentEnd", seg.segmentEnd());
                }
            }
        }
        ArrayNode recs = root.putArray("recordings");
        for (Recording r : b.recordings()) {
            ObjectNode rn = recs.addObject().put("id", r.id()).put("sessionId", r.sessionId()).put("media", r.media()).put("fileState", r.fileState());
            time(rn, "startTime", r.startTime());
            time(rn, "endTime", r.endTime());
            rn.put("region", r.region());
        }
        ArrayNode stops = root.putArray("recordingStops");
        for (RecordingStop s : b.recordingStops()) {
            ObjectNode sn = stops.addObject();
            time(sn, "at", s.at());
            time(sn, "resumedAt", s.resumedAt());
            sn.put("by", s.by()).put("justification", s.justification());
        }
        ObjectNode ivr = root.putObject("ivr").put("flowName", b.ivr().flowName());
        b.ivr().menuPath().forEach(ivr.putArray("menuPath")::add);
        ArrayNode dtmf = ivr.putArray("dtmf");
        for (Dtmf d : b.ivr().dtmf()) {
            ObjectNode dn = dtmf.addObject().put("digit", d.digit()).put("prompt", d.prompt());
            time(dn, "at", d.at());
        }
        ArrayNode transcript = root.putArray("transcript");
        for (Utterance u : b.transcript()) {
            transcript.addObject().put("purpose", u.purpose()).put("offsetMs", u.offsetMs()).put("text", u.text());
        }
        ArrayNode holds = root.putArray("legalHolds");
        for (LegalHold h : b.legalHolds()) {
            ObjectNode hn = holds.addObject().put("id", h.id());
            // An empty list is refused on reading (POLICY.md 1), so a criterion not named is left out.
            if (h.namesUsers()) {
                h.userIds().forEach(hn.putArray("userIds")::add);
            }
            date(hn, "from", h.from());
            date(hn, "to", h.to());
            if (h.namesTerms()) {
                h.terms().forEach(hn.putArray("terms")::add);
            }
        }
        time(root, "evaluatedAt", b.evaluatedAt());
        root.put("settled", b.settled());
        return root;
    }

    private static void time(ObjectNode n, String field, Instant t) {
        if (t != null) {
            n.put(field, t.toString());
        }
    }

    private static void date(ObjectNode n, String field, LocalDate d) {
        if (d != null) {
            n.put(field, d.toString());
        }
    }
}
