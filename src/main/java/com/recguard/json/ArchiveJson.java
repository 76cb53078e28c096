package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.archive.ArchiveCodec;
import com.recguard.archive.ArchiveEvent;
import com.recguard.archive.ArchiveException;
import com.recguard.archive.Manifest;
import com.recguard.model.Dtmf;
import com.recguard.model.Ivr;
import com.recguard.model.Utterance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of the archive's objects: manifest, events, IVR capture and transcript. Fields are in
 * a fixed order, maps sorted, two-space indent and "\n" line ends on every platform: the same
 * input always gives the same bytes, which is what lets a retry compare hashes.
 */
public final class ArchiveJson implements ArchiveCodec {

    private static final ObjectWriter WRITER = BundleReader.MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    @Override
    public byte[] manifest(Manifest m) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        o.put("format", m.format());
        o.put("conversationId", m.conversationId());
        o.put("startTime", str(m.startTime()));
        o.put("endTime", str(m.endTime()));
        o.put("duration", m.duration() == null ? null : m.duration().toString());
        o.put("durationMs", m.duration() == null ? null : m.duration().toMillis());
        o.put("originatingDirection", m.originatingDirection());
        ArrayNode parties = o.putArray("participants");
        for (Manifest.Party p : m.participants()) {
            ObjectNode n = parties.addObject().put("participantId", p.participantId()).put("purpose", p.purpose())
                    .put("userId", p.userId());
            ObjectNode attrs = n.putObject("attributes");
            p.attributes().forEach(attrs::put);
        }
        strings(o.putArray("labels"), m.labels());
        strings(o.putArray("transactionIds"), m.transactionIds());
        ArrayNode recs = o.putArray("recordings");
        for (Manifest.RecordingInfo r : m.recordings()) {
            recs.addObject().put("id", r.id()).put("media", r.media()).put("fileState", r.fileState())
                    .put("startTime", str(r.startTime())).put("endTime", str(r.endTime())).put("region", r.region());
        }
        o.put("recording", m.recording());
        o.put("consent", m.consent());
        o.put("residencyZone", m.residencyZone());
        o.put("archiveRegion", m.archiveRegion());
        o.put("legalHold", m.legalHold());
        strings(o.putArray("holdReasons"), m.holdReasons());
        o.put("retainUntil", str(m.retainUntil()));
        o.putObject("objectLock").put("mode", m.lockMode()).put("retainUntilDate", str(m.lockedUntil()));
        o.put("rulePack", m.rulePack());
        strings(o.putArray("firedRules"), m.firedRules());
        strings(o.putArray("violations"), m.violations());
        o.put("evaluatedAt", str(m.evaluatedAt()));
        ArrayNode objects = o.putArray("objects");
        for (Manifest.Entry e : m.objects()) {
            objects.addObject().put("kind", e.kind()).put("key", e.key()).put("recordingId", e.recordingId())
                    .put("contentType", e.contentType()).put("size", e.size()).put("sha256", e.sha256());
        }
        return bytes(o);
    }

    @Override
    public Manifest readManifest(byte[] json) {
        JsonNode o = tree(json, "manifest");
        try {
            List<Manifest.Party> parties = new ArrayList<>();
            for (JsonNode p : o.path("participants")) {
                Map<String, String> attrs = new TreeMap<>();
                p.path("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
                parties.add(new Manifest.Party(text(p, "participantId"), text(p, "purpose"), text(p, "userId"), attrs));
            }
            List<Manifest.RecordingInfo> recs = new ArrayList<>();
            for (JsonNode r : o.path("recordings")) {
                recs.add(new Manifest.RecordingInfo(text(r, "id"), text(r, "media"), text(r, "fileState"),
                        instant(r, "startTime"), instant(r, "endTime"), text(r, "region")));
            }
            List<Manifest.Entry> entries = new ArrayList<>();
            for (JsonNode e : o.path("objects")) {
                String key = text(e, "key");
                String sha = text(e, "sha256");
                if (key == null || sha == null || !e.path("size").canConvertToLong()) {
                    throw new ArchiveException("manifest: objects[" + entries.size() + "] needs key, size and sha256");
                }
                entries.add(new Manifest.Entry(text(e, "kind"), key, text(e, "recordingId"), text(e, "contentType"),
                        e.get("size").asLong(), sha));
            }
            String cid = text(o, "conversationId");
            LocalDate until = date(o, "retainUntil");
            if (cid == null || until == null) {
                throw new ArchiveException("manifest: conversationId and retainUntil are required");
            }
            String duration = text(o, "duration");
            return new Manifest(o.path("format").asInt(0), cid, instant(o, "startTime"), instant(o, "endTime"),
                    duration == null ? null : Duration.parse(duration), text(o, "originatingDirection"), parties,
                    strings(o, "labels"), strings(o, "transactionIds"), recs, text(o, "recording"), text(o, "consent"),
                    text(o, "residencyZone"), text(o, "archiveRegion"), o.path("legalHold").asBoolean(false),
                    strings(o, "holdReasons"), until, text(o.path("objectLock"), "mode"),
                    instant(o.path("objectLock"), "retainUntilDate"), text(o, "rulePack"), strings(o, "firedRules"),
                    strings(o, "violations"), instant(o, "evaluatedAt"), entries);
        } catch (DateTimeParseException e) {
            throw new ArchiveException("manifest: " + e.getMessage());
        }
    }

    @Override
    public byte[] event(ArchiveEvent e) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        o.put("type", e.type());
        o.put("conversationId", e.conversationId());
        o.put("at", str(e.at()));
        o.put("by", e.by());
        strings(o.putArray("holdReasons"), e.holdReasons());
        if (e.reason() != null) {
            o.put("reason", e.reason());
        }
        if (e.retainUntil() != null) {
            o.put("retainUntil", e.retainUntil().toString());
        }
        if (e.rulePack() != null) {
            o.put("rulePack", e.rulePack());
        }
        return bytes(o);
    }

    @Override
    public ArchiveEvent readEvent(byte[] json) {
        JsonNode o = tree(json, "event");
        String type = text(o, "type");
        if (type == null) {
            throw new ArchiveException("event: type is required");
        }
        try {
            return new ArchiveEvent(type, text(o, "conversationId"), instant(o, "at"), text(o, "by"),
                    strings(o, "holdReasons"), text(o, "reason"), date(o, "retainUntil"), text(o, "rulePack"));
        } catch (DateTimeParseException ex) {
            throw new ArchiveException("event: " + ex.getMessage());
        }
    }

    @Override
    public byte[] ivr(String conversationId, Ivr ivr) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        o.put("conversationId", conversationId);
        o.put("flowName", ivr.flowName());
        strings(o.putArray("menuPath"), ivr.menuPath());
        ArrayNode dtmf = o.putArray("dtmf");
        for (Dtmf d : ivr.dtmf()) {
            dtmf.addObject().put("digit", d.digit()).put("prompt", d.prompt()).put("at", str(d.at()));
        }
        return bytes(o);
    }

    @Override
    public byte[] bundle(com.recguard.model.Bundle bundle) {
        return BundleWriter.canonical(bundle).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public byte[] transcript(String conversationId, List<Utterance> transcript) {
        ObjectNode o = BundleReader.MAPPER.createObjectNode();
        o.put("conversationId", conversationId);
        ArrayNode u = o.putArray("utterances");
        for (Utterance t : transcript) {
            u.addObject().put("purpose", t.purpose()).put("offsetMs", t.offsetMs()).put("text", t.text());
        }
        return bytes(o);
    }

    /**
     * Genesys labels of a bundle: {@code labels} at the top level and in {@code conversation},
     * strings, sorted and distinct. The bundle model does not carry them because no rule uses them.
     */
    public static List<String> labels(String bundleJson) throws BundleFormatException {
        JsonNode root = BundleReader.parse(bundleJson);
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (JsonNode n : List.of(root.path("labels"), root.path("conversation").path("labels"))) {
            n.forEach(l -> {
                if (l.isValueNode() && !l.asText().isBlank()) {
                    out.add(l.asText());
                }
            });
        }
        return List.copyOf(out);
    }

    private static byte[] bytes(ObjectNode o) {
        try {
            return (WRITER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json, String what) {
        try {
            JsonNode n = BundleReader.MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new ArchiveException(what + ": not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ArchiveException(what + ": invalid JSON: " + e.getMessage());
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        o.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Instant.parse(v);
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
