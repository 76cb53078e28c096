package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.config.AuditFinding;
import com.recguard.config.AuditReport;
import com.recguard.config.BucketState;
import com.recguard.config.ConfigSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration snapshot file: reading (with fixtures and their bases), writing (redacted)
 * and the audit report. The facts the config rules see in a snapshot are {@link ConfigSnapshotFacts}.
 *
 * <pre>
 * { "takenAt": "2026-03-06T17:00:00Z",
 *   "genesys": { "/api/v2/recording/mediaretentionpolicies?pageNumber=1&amp;pageSize=100": { …the response… }, … },
 *   "buckets": { "recguard-archive-eu-west-1": { "archiveRegion": "eu-west-1", "exists": true, … } },
 *   "recguard": { "riskLexiconPhrases": 2, "qaSampleRate": 0.05 } }
 * </pre>
 *
 * A fixture adds {@code "expect": [codes]}, an optional {@code "description"}, and may name a
 * {@code "base"} snapshot (relative path) whose entries it overrides key by key ({@code null} removes one).
 */
public final class ConfigSnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** A snapshot fixture: the snapshot and the exact set of finding codes it must give. */
    public record Fixture(String description, ConfigSnapshot snapshot, Set<String> expect) {}

    /** Keys whose values are credentials or personal data: never written to a snapshot. */
    private static final Set<String> SECRET_KEYS = Set.of("secret", "clientsecret", "client_secret", "access_token",
            "accesstoken", "token", "password", "accesskey", "accesskeyid", "secretkey", "secretaccesskey",
            "email", "emails", "username", "phonenumber", "phonenumbers", "addresses", "primarycontactinfo",
            "images", "authorization");

    private ConfigSnapshotJson() {}

    // ---------------------------------------------------------------- reading and writing files

    public static ConfigSnapshot read(Path file) throws BundleFormatException {
        return snapshot(load(file, 0));
    }

    /** A snapshot from its JSON text. */
    public static ConfigSnapshot parse(String json) throws BundleFormatException {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new BundleFormatException("a snapshot is a JSON object");
            }
            return snapshot((ObjectNode) root);
        } catch (JsonProcessingException e) {
            throw new BundleFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Fixture readFixture(Path file) throws BundleFormatException {
        ObjectNode root = load(file, 0);
        JsonNode expect = root.get("expect");
        if (expect == null || !expect.isArray()) {
            throw new BundleFormatException("expect: a config fixture needs \"expect\": [finding codes] ([] = compliant)");
        }
        Set<String> codes = new TreeSet<>();
        expect.forEach(n -> codes.add(n.asText()));
        return new Fixture(root.path("description").asText(""), snapshot(root), codes);
    }

    private static ObjectNode load(Path file, int depth) throws BundleFormatException {
        if (depth > 5) {
            throw new BundleFormatException("base: more than 5 levels of base snapshots (a loop?)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BundleFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BundleFormatException(file + ": a snapshot is a JSON object");
        }
        ObjectNode o = (ObjectNode) root;
        JsonNode base = o.get("base");
        if (base == null || base.isNull()) {
            return o;
        }
        ObjectNode merged = load(file.toAbsolutePath().getParent().resolve(base.asText()).normalize(), depth + 1).deepCopy();
        for (String part : List.of("genesys", "buckets", "recguard")) {
            JsonNode over = o.get(part);
            if (over == null || !over.isObject()) {
                continue;
            }
            ObjectNode target = merged.has(part) && merged.get(part).isObject() ? (ObjectNode) merged.get(part) : merged.putObject(part);
            over.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    target.remove(e.getKey());
                } else {
                    target.set(e.getKey(), e.getValue());
                }
            });
        }
        for (String k : List.of("takenAt", "expect", "description")) {
            if (o.has(k)) {
                merged.set(k, o.get(k));
            }
        }
        merged.remove("base");
        return merged;
    }

    private static ConfigSnapshot snapshot(ObjectNode root) throws BundleFormatException {
        Instant takenAt;
        try {
            takenAt = Instant.parse(root.path("takenAt").asText());
        } catch (DateTimeParseException e) {
            throw new BundleFormatException("takenAt: an ISO-8601 instant is required, e.g. 2026-03-06T17:00:00Z");
        }
        Map<String, String> genesys = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("genesys").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().startsWith("/api/v2/")) {
                throw new BundleFormatException("genesys." + e.getKey() + ": keys are API paths starting /api/v2/");
            }
            genesys.put(e.getKey(), text(e.getValue()));
        }
        Map<String, BucketState> buckets = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("buckets").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode b = e.getValue();
            if (!b.hasNonNull("archiveRegion")) {
                throw new BundleFormatException("buckets." + e.getKey() + ".archiveRegion: the region this bucket archives is required");
            }
            JsonNode lock = b.path("objectLock");
            JsonNode policy = b.get("policy");
            buckets.put(e.getKey(), new BucketState(b.path("archiveRegion").asText(), b.path("exists").asBoolean(true),
                    str(b, "location"), str(b, "versioning"), lock.path("enabled").asBoolean(false), str(lock, "mode"),
                    integer(lock, "days"), integer(lock, "years"),
                    policy == null || policy.isNull() ? null : policy.isTextual() ? policy.asText() : text(policy),
                    str(b, "error"), integer(b.path("exportSample"), "recordings"), strings(b.path("exportSample").path("withoutMetadata"))));
        }
        Map<String, String> recguard = new TreeMap<>();
        root.path("recguard").fields().forEachRemaining(e -> recguard.put(e.getKey(), e.getValue().asText()));
        return new ConfigSnapshot(takenAt, genesys, buckets, recguard);
    }

    /** The snapshot as a file, with credentials and personal data left out. */
    public static String write(ConfigSnapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("takenAt", s.takenAt().toString());
        ObjectNode g = root.putObject("genesys");
        s.genesys().forEach((path, json) -> g.set(path, redact(tree(json))));
        ObjectNode bs = root.putObject("buckets");
        s.buckets().forEach((name, b) -> {
            ObjectNode o = bs.putObject(name);
            o.put("archiveRegion", b.archiveRegion());
            o.put("exists", b.exists());
            putIf(o, "location", b.location());
            putIf(o, "versioning", b.versioning());
            ObjectNode lock = o.putObject("objectLock");
            lock.put("enabled", b.objectLock());
            putIf(lock, "mode", b.defaultMode());
            if (b.defaultDays() != null) {
                lock.put("days", b.defaultDays());
            }
            if (b.defaultYears() != null) {
                lock.put("years", b.defaultYears());
            }
            if (b.policy() != null) {
                o.set("policy", redact(tree(b.policy())));
            }
            putIf(o, "error", b.error());
            if (b.sampledRecordings() != null) {
                ObjectNode sample = o.putObject("exportSample");
                sample.put("recordings", b.sampledRecordings());
                b.withoutMetadata().forEach(sample.putArray("withoutMetadata")::add);
            }
        });
        ObjectNode rg = root.putObject("recguard");
        s.recguard().forEach(rg::put);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes credentials and personal data: secret and contact fields anywhere, and the names of
     * users (objects whose selfUri is a /users/ URI), who are identified by id only.
     */
    static JsonNode redact(JsonNode node) {
        if (node.isArray()) {
            node.forEach(ConfigSnapshotJson::redact);
        } else if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> drop = new ArrayList<>();
            o.fieldNames().forEachRemaining(k -> {
                if (SECRET_KEYS.contains(k.toLowerCase(Locale.ROOT))) {
                    drop.add(k);
                }
            });
            if (o.path("selfUri").asText("").contains("/api/v2/users/")) {
                drop.add("name");
            }
            o.remove(drop);
            o.forEach(ConfigSnapshotJson::redact);
        }
        return node;
    }

    // ---------------------------------------------------------------- the report

    /** The audit report for machines: findings with code, rule, subject, section, reason and fix. */
    public static String report(AuditReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("takenAt", r.takenAt().toString());
        root.put("rulePack", r.rulePack());
        root.put("compliant", r.compliant());
        ArrayNode fs = root.putArray("findings");
        for (AuditFinding f : r.findings()) {
            ObjectNode o = fs.addObject();
            o.put("code", f.code());
            o.put("rule", f.rule());
            o.put("subject", f.subject());
            o.put("section", f.section());
            o.put("reason", f.reason());
            o.put("fix", f.fix());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    static JsonNode tree(String json) {
        try {
            JsonNode n = MAPPER.readTree(json == null ? "null" : json);
            return n == null ? MAPPER.nullNode() : n;
        } catch (JsonProcessingException e) {
            return MAPPER.createObjectNode().set("error", MAPPER.createObjectNode().put("status", 0)
                    .put("message", "not JSON: " + e.getOriginalMessage()));
        }
    }

    private static String text(JsonNode n) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Integer integer(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asInt() : null;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
