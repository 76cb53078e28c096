package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.audit.LogEntry;
import com.recguard.evidence.ArchiveVersions;
import com.recguard.evidence.EvidenceCodec;
import com.recguard.evidence.LogDigest;
import com.recguard.evidence.ManifestView;
import com.recguard.evidence.PackFormatException;
import com.recguard.evidence.VersionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The evidence pack's JSON. Reading is strict in the same ways as {@code verify.py} (a repeated
 * key, trailing data, a wrong type or a time not in {@code 2033-03-03T00:00:00Z} form is an error),
 * and reads only the fields the checks use, so both verifiers reach the same findings.
 */
public final class EvidenceJson implements EvidenceCodec {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectWriter PRETTY = STRICT.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));
    /** The one time form both verifiers accept. */
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    @Override
    public String conversationOf(String input) {
        try {
            JsonNode root = STRICT.readTree(input);
            JsonNode id = root.path("conversation").path("conversationId");
            if (!id.isTextual()) {
                id = root.path("conversationId");
            }
            if (!id.isTextual() && root.path("conversations").size() == 1) {
                id = root.path("conversations").get(0).path("conversationId");
            }
            return id.isTextual() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public LogEntry readLogLine(String line) {
        JsonNode n = tree(line.getBytes(StandardCharsets.UTF_8));
        List<String> fired = new ArrayList<>();
        JsonNode fr = n.get("firedRules");
        if (fr != null) {
            if (!fr.isArray()) {
                throw new PackFormatException("firedRules is not a list");
            }
            fr.forEach(f -> {
                if (!f.isTextual()) {
                    throw new PackFormatException("firedRules holds a non-string");
                }
                fired.add(f.asText());
            });
        }
        JsonNode input = n.get("input");
        if (input != null && !input.isTextual()) {
            throw new PackFormatException("input is not a string");
        }
        return new LogEntry(integer(n, "seq"), text(n, "inputHash"), text(n, "rulePack"), fired,
                input == null ? null : input.asText(), text(n, "decision"), text(n, "prevHash"), text(n, "hash"));
    }

    @Override
    public String logLine(LogEntry e, boolean withInput) {
        if (withInput) {
            return LogEntryJson.write(e);
        }
        ObjectNode n = STRICT.createObjectNode();
        n.put("seq", e.seq());
        n.put("inputHash", e.inputHash());
        n.put("rulePack", e.rulePack());
        ArrayNode fired = n.putArray("firedRules");
        e.firedRules().forEach(fired::add);
        n.put("decision", e.decision());
        n.put("prevHash", e.prevHash());
        n.put("hash", e.hash());
        return n.toString();
    }

    @Override
    public byte[] versions(ArchiveVersions v) {
        ObjectNode o = STRICT.createObjectNode();
        o.put("conversationId", v.conversationId());
        o.put("region", v.region());
        o.put("bucket", v.bucket());
        o.put("readAt", v.readAt().toString());
        o.put("held", v.held());
        ArrayNode reasons = o.putArray("holdReasons");
        v.holdReasons().forEach(reasons::add);
        ArrayNode versions = o.putArray("versions");
        v.versions().forEach(r -> version(versions.addObject(), r));
        o.put("digestRegion", v.digestRegion());
        o.put("digestBucket", v.digestBucket());
        if (v.digest() != null) {
            version(o.putObject("digest"), v.digest());
        }
        try {
            return (PRETTY.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void version(ObjectNode n, VersionRecord r) {
        n.put("key", r.key());
        n.put("versionId", r.versionId());
        n.put("latest", r.latest());
        n.put("deleteMarker", r.deleteMarker());
        n.put("size", r.size());
        n.put("lockMode", r.lockMode());
        n.put("retainUntil", r.retainUntil() == null ? null : r.retainUntil().toString());
        n.put("legalHold", r.legalHold());
        n.put("sha256", r.sha256());
        n.put("member", r.member());
    }

    @Override
    public ArchiveVersions readVersions(byte[] json) {
        JsonNode o = tree(json);
        List<VersionRecord> versions = new ArrayList<>();
        JsonNode vs = o.get("versions");
        if (vs == null || !vs.isArray()) {
            throw new PackFormatException("versions is not a list");
        }
        vs.forEach(v -> versions.add(readVersion(v)));
        List<String> reasons = new ArrayList<>();
        JsonNode rs = o.get("holdReasons");
        if (rs != null && rs.isArray()) {
            rs.forEach(r -> reasons.add(r.asText()));
        }
        JsonNode digest = o.get("digest");
        return new ArchiveVersions(text(o, "conversationId"), text(o, "region"), text(o, "bucket"), time(o, "readAt", false),
                bool(o, "held"), reasons, versions, text(o, "digestRegion"), text(o, "digestBucket"),
                digest == null || digest.isNull() ? null : readVersion(digest));
    }

    private static VersionRecord readVersion(JsonNode v) {
        if (!v.isObject()) {
            throw new PackFormatException("a version is not an object");
        }
        return new VersionRecord(text(v, "key"), optText(v, "versionId"), bool(v, "latest"), bool(v, "deleteMarker"),
                integer(v, "size"), optText(v, "lockMode"), time(v, "retainUntil", true), bool(v, "legalHold"),
                optText(v, "sha256"), optText(v, "member"));
    }

    @Override
    public LogDigest readDigest(byte[] json) {
        JsonNode o = tree(json);
        return new LogDigest(integer(o, "seq"), text(o, "hash"));
    }

    @Override
    public ManifestView readManifest(byte[] json) {
        JsonNode o = tree(json);
        JsonNode objects = o.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new PackFormatException("objects is not a list");
        }
        List<ManifestView.Entry> entries = new ArrayList<>();
        for (JsonNode e : objects) {
            if (!e.isObject()) {
                throw new PackFormatException("an object entry is not an object");
            }
            entries.add(new ManifestView.Entry(text(e, "kind"), text(e, "key"), integer(e, "size"), text(e, "sha256")));
        }
        JsonNode lock = o.get("objectLock");
        if (lock == null || !lock.isObject()) {
            throw new PackFormatException("objectLock is not an object");
        }
        return new ManifestView(entries, time(lock, "retainUntilDate", true));
    }

    private static JsonNode tree(byte[] json) {
        try {
            JsonNode n = STRICT.readTree(json);
            if (n == null || !n.isObject()) {
                throw new PackFormatException("not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new PackFormatException("not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new PackFormatException(field + " is not a string");
        }
        return v.asText();
    }

    private static String optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new PackFormatException(field + " is not a string");
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new PackFormatException(field + " is not an integer");
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new PackFormatException(field + " is not true or false");
        }
        return v.asBoolean();
    }

    private static Instant time(JsonNode n, String field, boolean nullable) {
        String s = nullable ? optText(n, field) : text(n, field);
        if (s == null) {
            return null;
        }
        if (!TIME.matcher(s).matches()) {
            throw new PackFormatException(field + " is not a UTC time like 2033-03-03T00:00:00Z: " + s);
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new PackFormatException(field + " is not a valid time: " + s);
        }
    }
}
