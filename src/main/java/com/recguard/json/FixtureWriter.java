package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.model.Expectation;
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
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes a fixture (description, bundle, expect) in the format {@link FixtureReader} reads. Fields
 * come in a fixed order, attributes sorted, absent values left out and lines end in '\n' on every
 * platform, so the same fixture always gives the same bytes.
 */
public final class FixtureWriter {

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private FixtureWriter() {}

    public static String write(String description, Bundle bundle, Expectation expect) {
        ObjectNode root = BundleReader.MAPPER.createObjectNode();
        if (description != null && !description.isEmpty()) {
            root.put("description", description);
        }
        bundle(root, bundle);
        if (expect != null) {
            root.set("expect", expectation(expect));
        }
        try {
            return BundleReader.MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle alone (no description, no expectation), compact: what the service would receive. */
    public static String writeBundle(Bundle bundle) {
        ObjectNode root = BundleReader.MAPPER.createObjectNode();
        bundle(root, bundle);
        return root.toString();
    }

    private static void bundle(ObjectNode root, Bundle b) {
        Conversation c = b.conversation();
        ObjectNode conv = root.putObject("conversation");
        conv.put("conversationId", c.conversationId());
        time(conv, "conversationStart", c.conversationStart());
        time(conv, "conversationEnd", c.conversationEnd());
        text(conv, "originatingDirection", c.originatingDirection());
        ArrayNode parts = conv.putArray("participants");
        for (Participant p : c.participants()) {
            ObjectNode pn = parts.addObject();
            text(pn, "participantId", p.participantId());
            text(pn, "purpose", p.purpose());
            text(pn, "userId", p.userId());
            if (!p.attributes().isEmpty()) {
                ObjectNode attrs = pn.putObject("attributes");
                new TreeMap<>(p.attributes()).forEach(attrs::put);
            }
            ArrayNode sessions = pn.putArray("sessions");
            for (Session s : p.sessions()) {
                ObjectNode sn = sessions.addObject();
                text(sn, "sessionId", s.sessionId());
                text(sn, "mediaType", s.mediaType());
                text(sn, "direction", s.direction());
                text(sn, "ani", s.ani());
                text(sn, "dnis", s.dnis());
                if (s.recording() != null) {
                    sn.put("recording", s.recording());
                }
                ArrayNode segs = sn.putArray("segments");
                for (Segment seg : s.segments()) {
                    ObjectNode g = segs.addObject();
                    text(g, "segmentType", seg.segmentType());
                    time(g, "segmentStart", seg.segmentStart());
                    time(g, "segmentEnd", seg.segmentEnd());
                }
            }
        }
        if (!b.recordings().isEmpty()) {
            ArrayNode recs = root.putArray("recordings");
            for (Recording r : b.recordings()) {
                ObjectNode rn = recs.addObject();
                text(rn, "id", r.id());
                text(rn, "sessionId", r.sessionId());
                text(rn, "media", r.media());
                text(rn, "fileState", r.fileState());
                time(rn, "startTime", r.startTime());
                time(rn, "endTime", r.endTime());
                text(rn, "region", r.region());
            }
        }
        if (!b.recordingStops().isEmpty()) {
            ArrayNode stops = root.putArray("recordingStops");
            for (RecordingStop s : b.recordingStops()) {
                ObjectNode sn = stops.addObject();
                time(sn, "at", s.at());
                time(sn, "resumedAt", s.resumedAt());
                text(sn, "by", s.by());
                text(sn, "justification", s.justification());
            }
        }
        if (b.ivr().flowName() != null || b.ivr().captured()) {
            ObjectNode ivr = root.putObject("ivr");
            text(ivr, "flowName", b.ivr().flowName());
            b.ivr().menuPath().forEach(ivr.putArray("menuPath")::add);
            ArrayNode dtmf = ivr.putArray("dtmf");
            for (Dtmf d : b.ivr().dtmf()) {
                ObjectNode dn = dtmf.addObject();
                text(dn, "digit", d.digit());
                text(dn, "prompt", d.prompt());
                time(dn, "at", d.at());
            }
        }
        if (!b.transcript().isEmpty()) {
            ArrayNode t = root.putArray("transcript");
            for (Utterance u : b.transcript()) {
                ObjectNode un = t.addObject();
                text(un, "purpose", u.purpose());
                un.put("offsetMs", u.offsetMs());
                text(un, "text", u.text());
            }
        }
        if (!b.legalHolds().isEmpty()) {
            ArrayNode holds = root.putArray("legalHolds");
            for (LegalHold h : b.legalHolds()) {
                ObjectNode hn = holds.addObject();
                hn.put("id", h.id());
                if (h.namesUsers()) {
                    h.userIds().forEach(hn.putArray("userIds")::add);
                }
                date(hn, "from", h.from());
                date(hn, "to", h.to());
                if (h.namesTerms()) {
                    h.terms().forEach(hn.putArray("terms")::add);
                }
            }
        }
        time(root, "evaluatedAt", b.evaluatedAt());
        if (!b.settled()) {
            root.put("settled", false);
        }
    }

    private static ObjectNode expectation(Expectation e) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        text(o, "recording", e.recording());
        text(o, "consent", e.consent());
        text(o, "residencyZone", e.residencyZone());
        text(o, "archiveRegion", e.archiveRegion());
        if (e.legalHold() != null) {
            o.put("legalHold", e.legalHold());
        }
        text(o, "retainUntil", e.retainUntil());
        strings(o, "violations", e.violations());
        strings(o, "holdReasons", e.holdReasons());
        strings(o, "actions", e.actions());
        strings(o, "actionsAbsent", e.actionsAbsent());
        if (e.isFinal() != null) {
            o.put("final", e.isFinal());
        }
        return o;
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        if (values != null) {
            values.forEach(o.putArray(field)::add);
        }
    }

    private static void text(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void time(ObjectNode o, String field, Instant value) {
        if (value != null) {
            o.put(field, value.toString());
        }
    }

    private static void date(ObjectNode o, String field, LocalDate value) {
        if (value != null) {
            o.put(field, value.toString());
        }
    }
}
