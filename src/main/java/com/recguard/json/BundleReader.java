package com.recguard.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Reads the bundle of POLICY.md section 1. Also accepts Genesys analytics exports as they come:
 * a conversation detail itself, or a details query response / async-job results page holding
 * many conversations in {@code conversations} ({@link #readAll}). Unknown fields are ignored;
 * missing sections mean none. A bundle that makes no sense is refused naming the JSON path: a
 * repeated key, a missing {@code conversationEnd}, anything ending before it starts, a legal
 * hold that names no criterion or an empty list.
 */
public final class BundleReader {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A repeated key is refused rather than "last value wins" (a second conversationEnd
            // would silently move retention).
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private BundleReader() {}

    /**
     * The conversations of one input: a single bundle, or every conversation of a details query
     * response. {@code recordingsSection} says whether the input said anything about recordings
     * at all (a bare Genesys export does not, so recording findings assume none were made).
     */
    public record Batch(List<Bundle> bundles, boolean recordingsSection) {
        public Batch {
            bundles = List.copyOf(bundles);
        }
    }

    public static Bundle read(String json) throws BundleFormatException {
        return fromTree(parse(json));
    }

    /** Every conversation of the input, in the order given. */
    public static Batch readAll(String json) throws BundleFormatException {
        JsonNode root = parse(json);
        JsonNode many = root.path("conversations");
        if (!root.hasNonNull("conversation") && !root.hasNonNull("conversationId") && many.isArray() && many.size() != 1) {
            List<Bundle> out = new ArrayList<>();
            try {
                for (int i = 0; i < many.size(); i++) {
                    JsonNode conv = many.get(i);
                    if (!conv.isObject()) {
                        throw new Bad("conversations[" + i + "]", "must be an object");
                    }
                    out.add(new Bundle(conversation(conv, "conversations[" + i + "]"), List.of(), List.of(), Ivr.NONE,
                            List.of(), List.of(), time(root, "evaluatedAt", ""), settled(root)));
                }
            } catch (Bad e) {
                throw new BundleFormatException(e.getMessage());
            }
            return new Batch(out, root.has("recordings"));
        }
        return new Batch(List.of(fromTree(root)), root.has("recordings"));
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
            // A repeated key is named by its path; for a syntax error the line and column say more
            // than a path would.
            String path = e.getOriginalMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p
                    ? pointerPath(p.getParsingContext()) : "";
            throw new BundleFormatException((path.isEmpty() ? "" : path + ": ") + "invalid JSON: " + where
                    + e.getOriginalMessage(), e);
        }
    }

    /** The {@code legalHolds} of a document (the hold register's file), checked as in a bundle. */
    static List<LegalHold> legalHolds(JsonNode root) throws BundleFormatException {
        try {
            return list(root, "legalHolds", BundleReader::hold);
        } catch (Bad e) {
            throw new BundleFormatException(e.getMessage());
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
            } else if (root.path("conversations").isArray()) {
                throw new Bad("conversations", "holds " + root.get("conversations").size()
                        + " conversations where one bundle was expected (recguard evaluate reads many)");
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
                    time(root, "evaluatedAt", ""),
                    settled(root));
        } catch (Bad e) {
            throw new BundleFormatException(e.getMessage());
        }
    }

    private static Conversation conversation(JsonNode n, String path) {
        String id = text(n, "conversationId");
        if (id == null || id.isBlank()) {
            throw new Bad(join(path, "conversationId"), "is required");
        }
        Instant start = time(n, "conversationStart", path);
        Instant end = time(n, "conversationEnd", path);
        List<Participant> participants = list(n, path, "participants", BundleReader::participant);
        if (start == null) {
            throw new Bad(join(path, "conversationStart"), "is required");
        }
        if (end == null) {
            throw new Bad(join(path, "conversationEnd"), "is required: retention runs from the end of the"
                    + " conversation (gather it again once Genesys reports the end)");
        }
        notBefore(start, end, path, "conversationEnd", "conversationStart");
        return new Conversation(id, start, end, text(n, "originatingDirection"), participants);
    }

    private static boolean settled(JsonNode root) {
        JsonNode v = root.get("settled");
        if (v == null || v.isNull()) {
            return true;
        }
        if (!v.isBoolean()) {
            throw new Bad("settled", "must be true or false");
        }
        return v.asBoolean();
    }

    /** Refuses an end before its start, naming the end's path. */
    private static void notBefore(Instant start, Instant end, String path, String endField, String startField) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new Bad(join(path, endField), end + " is before " + startField + " " + start);
        }
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
        return new Session(text(n, "sessionId"), text(n, "mediaType"), text(n, "direction"), text(n, "ani"),
                text(n, "dnis"), n.path("recording").isBoolean() ? n.get("recording").asBoolean() : null,
                list(n, path, "segments", BundleReader::segment));
    }

    private static Segment segment(JsonNode n, String path) {
        Instant start = time(n, "segmentStart", path);
        Instant end = time(n, "segmentEnd", path);
        notBefore(start, end, path, "segmentEnd", "segmentStart");
        return new Segment(text(n, "segmentType"), start, end);
    }

    private static Recording recording(JsonNode n, String path) {
        String state = text(n, "fileState");
        Instant start = time(n, "startTime", path);
        Instant end = time(n, "endTime", path);
        notBefore(start, end, path, "endTime", "startTime");
        String media = text(n, "media");
        return new Recording(text(n, "id"), text(n, "sessionId"), media == null ? null : media.trim().toLowerCase(Locale.ROOT),
                state == null ? "AVAILABLE" : state.trim().toUpperCase(Locale.ROOT), start, end, text(n, "region"));
    }

    private static RecordingStop stop(JsonNode n, String path) {
        Instant at = time(n, "at", path);
        Instant resumed = time(n, "resumedAt", path);
        notBefore(at, resumed, path, "resumedAt", "at");
        return new RecordingStop(at, resumed, text(n, "by"), text(n, "justification"));
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
        List<String> users = criterion(n, "userIds", path);
        List<String> terms = criterion(n, "terms", path);
        LegalHold hold = new LegalHold(id, users, date(n, "from", path), date(n, "to", path), terms);
        if (!hold.namesUsers() && !hold.namesDates() && !hold.namesTerms()) {
            throw new Bad(path, "legal hold " + id + " names no criterion (userIds, from/to or terms):"
                    + " it would hold every conversation");
        }
        if (hold.from() != null && hold.to() != null && hold.to().isBefore(hold.from())) {
            throw new Bad(join(path, "to"), hold.to() + " is before from " + hold.from());
        }
        return hold;
    }

    /** A hold's list criterion: absent is "not named"; present it must be a non-empty list of strings. */
    private static List<String> criterion(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new Bad(join(path, field), "must be a non-empty list when given (an empty criterion would hold"
                    + " everything or nothing)");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                throw new Bad(join(path, field) + "[" + i + "]", "must be a non-empty string");
            }
            out.add(v.get(i).asText());
        }
        return out;
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
            // POLICY.md 1: compared at millisecond precision, digits below it dropped.
            return OffsetDateTime.parse(v).toInstant().truncatedTo(ChronoUnit.MILLIS);
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

    /** "conversation.participants[0].attributes" from Jackson's parsing context. */
    private static String pointerPath(JsonStreamContext ctx) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, "." + c.getCurrentName());
            }
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
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
