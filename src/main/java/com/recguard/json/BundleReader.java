package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Dtmf;
import com.recguard.model.Ivr;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Segment;
import com.recguard.model.Session;
import com.recguard.model.Utterance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Reads the bundle of POLICY.md section 1. Also accepts a Genesys analytics conversation-detail
 * export as it comes (the conversation object itself, or a query response with one entry in
 * {@code conversations}). Unknown fields are ignored; missing sections mean none.
 */
public final class BundleReader {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BundleReader() {}

    public static Bundle read(String json) throws BundleFormatException {
        return fromTree(parse(json));
    }

    static JsonNode parse(String json) throws BundleFormatException {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new BundleFormatException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
            throw new BundleFormatException("invalid JSON: " + where + e.getOriginalMessage(), e);
        }
    }

    static Bundle fromTree(JsonNode root) throws BundleFormatException {
        try {
            JsonNode conv;
            if (root.hasNonNull("conversation")) {
                conv = root.get("conversation");
            } else if (root.hasNonNull("conversationId")) {
                conv = root;
            } else if (root.path("conversations").isArray() && root.get("conversations").size() == 1) {
                conv = root.get("conversations").get(0);
            } else {
                throw new Bad("", "expected a \"conversation\" object (a recguard bundle) or a Genesys conversation"
                        + " detail with \"conversationId\"");
            }
            String cp = conv == root ? "" : root.has("conversation") ? "conversation" : "conversations[0]";
            return new Bundle(
                    conversation(conv, cp),
                    list(root, "recordings", BundleReader::recording),
                    list(root, "recordingStops", BundleReader::stop),
                    root.hasNonNull("ivr") ? ivr(root.get("ivr"), "ivr") : Ivr.NONE,
                    list(root, "transcript", BundleReader::utterance),
                    list(root, "legalHolds", BundleReader::hold),
                    time(root, "evaluatedAt", ""));
        } catch (Bad e) {
            throw new BundleFormatException(e.getMessage());
        }
    }

    private static Conversation conversation(JsonNode n, String path) {
        String id = text(n, "conversationId");
        if (id == null || id.isBlank()) {
            throw new Bad(join(path, "conversationId"), "is required");
        }
        return new Conversation(id, time(n, "conversationStart", path), time(n, "conversationEnd", path),
                text(n, "originatingDirection"), list(n, path, "participants", BundleReader::participant));
    }

    private static Participant participant(JsonNode n, String path) {
        Map<String, String> attrs = new TreeMap<>();
        JsonNode a = n.path("attributes");
        if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    attrs.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
        }
        return new Participant(text(n, "participantId"), text(n, "purpose"), text(n, "userId"), attrs,
                list(n, path, "sessions", BundleReader::session));
    }

    private static Session session(JsonNode n, String path) {
        return new Session(text(n, "mediaType"), text(n, "direction"), text(n, "ani"), text(n, "dnis"),
                n.path("recording").isBoolean() ? n.get("recording").asBoolean() : null,
                list(n, path, "segments", BundleReader::segment));
    }

    private static Segment segment(JsonNode n, String path) {
        return new Segment(text(n, "segmentType"), time(n, "segmentStart", path), time(n, "segmentEnd", path));
    }

    private static Recording recording(JsonNode n, String path) {
        String state = text(n, "fileState");
        return new Recording(text(n, "id"), text(n, "media"), state == null ? "AVAILABLE" : state,
                time(n, "startTime", path), time(n, "endTime", path), text(n, "region"));
    }

    private static RecordingStop stop(JsonNode n, String path) {
        return new RecordingStop(time(n, "at", path), time(n, "resumedAt", path), text(n, "by"), text(n, "justification"));
    }

    private static Ivr ivr(JsonNode n, String path) {
        List<String> menu = new ArrayList<>();
        n.path("menuPath").forEach(m -> menu.add(m.asText()));
        return new Ivr(text(n, "flowName"), menu, list(n, path, "dtmf",
                (d, p) -> new Dtmf(text(d, "digit"), text(d, "prompt"), time(d, "at", p))));
    }

    private static Utterance utterance(JsonNode n, String path) {
        return new Utterance(text(n, "purpose"), n.path("offsetMs").asLong(0), text(n, "text"));
    }

    private static LegalHold hold(JsonNode n, String path) {
        String id = text(n, "id");
        if (id == null || id.isBlank()) {
            throw new Bad(join(path, "id"), "is required: a hold reason names its hold");
        }
        List<String> users = new ArrayList<>();
        n.path("userIds").forEach(u -> users.add(u.asText()));
        List<String> terms = new ArrayList<>();
        n.path("terms").forEach(t -> terms.add(t.asText()));
        return new LegalHold(id, users, date(n, "from", path), date(n, "to", path), terms);
    }

    private static <T> List<T> list(JsonNode parent, String field, BiFunction<JsonNode, String, T> each) {
        return list(parent, "", field, each);
    }

    private static <T> List<T> list(JsonNode parent, String parentPath, String field, BiFunction<JsonNode, String, T> each) {
        JsonNode arr = parent.get(field);
        String path = join(parentPath, field);
        if (arr == null || arr.isNull()) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw new Bad(path, "must be an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode item = arr.get(i);
            if (!item.isObject()) {
                throw new Bad(path + "[" + i + "]", "must be an object");
            }
            out.add(each.apply(item, path + "[" + i + "]"));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant time(JsonNode n, String field, String path) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new Bad(join(path, field), "is not an ISO-8601 time with zone: \"" + v + "\"");
        }
    }

    private static LocalDate date(JsonNode n, String field, String path) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new Bad(join(path, field), "is not a date (yyyy-mm-dd): \"" + v + "\"");
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Internal carrier for a located format error. */
    private static final class Bad extends RuntimeException {
        Bad(String path, String problem) {
            super(path.isEmpty() ? problem : path + ": " + problem);
        }
    }
}
