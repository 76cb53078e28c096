package com.recguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.recguard.config.ConfigSnapshot;
import com.recguard.config.facts.ArchiveBucket;
import com.recguard.config.facts.Calibrations;
import com.recguard.config.facts.ClientPermissions;
import com.recguard.config.facts.DataRetention;
import com.recguard.config.facts.QaSampling;
import com.recguard.config.facts.QualityForm;
import com.recguard.config.facts.RiskLexicon;
import com.recguard.config.facts.Unreadable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The facts the configuration rules see in a snapshot: which Genesys responses and bucket states
 * become which {@code config.facts}. The file format is {@link ConfigSnapshotJson}'s; what a
 * Genesys field means (policy defaults, conditions, bucket policies) is {@link GenesysConfigFields}'.
 *
 * <p>Which response fields are read is decided here and there, nowhere else; docs/config-audit.md
 * lists them with the SDK class each comes from and marks those not verified against a real org.
 */
public final class ConfigSnapshotFacts {

    static final String POLICIES = "/api/v2/recording/mediaretentionpolicies";
    static final String DATA_RETENTION = "/api/v2/analytics/dataretention/settings";
    static final String TRUNKS = "/api/v2/telephony/providers/edges/trunkbasesettings";
    static final String PHONES = "/api/v2/telephony/providers/edges/phonebasesettings";
    static final String PHONE_TEMPLATE = PHONES + "/template";
    static final String INTEGRATIONS = "/api/v2/integrations";
    static final String FORMS = "/api/v2/quality/publishedforms/evaluations";
    static final String CALIBRATIONS = "/api/v2/quality/calibrations";
    static final String OAUTH_CLIENT = "/api/v2/oauth/clients/";
    static final String ROLE = "/api/v2/authorization/roles/";
    static final String EXPORT_SCHEMA = "/api/v2/integrations/types/" + GenesysConfigFields.BULK_EXPORT_TYPE + "/configschemas/properties";

    private ConfigSnapshotFacts() {}

    /** Every configuration fact the snapshot holds. */
    public static List<Object> facts(ConfigSnapshot s) {
        List<Object> facts = new ArrayList<>();
        Map<String, JsonNode> integrations = new LinkedHashMap<>();
        Map<String, JsonNode> configs = new TreeMap<>();
        List<String> roleIds = new ArrayList<>();
        String clientId = null;
        Map<String, JsonNode> roles = new TreeMap<>();
        JsonNode exportSchema = null;
        List<JsonNode> phones = new ArrayList<>();
        Map<String, JsonNode> phoneTemplates = new TreeMap<>();
        Map<String, List<JsonNode>> calibrations = new TreeMap<>();
        Map<String, Integer> calibrationWindows = new TreeMap<>();
        for (var e : s.genesys().entrySet()) {
            String key = e.getKey();
            String path = key.contains("?") ? key.substring(0, key.indexOf('?')) : key;
            JsonNode body = ConfigSnapshotJson.tree(e.getValue());
            String source = sourceOf(path);
            if (body.has("error")) {
                facts.add(new Unreadable(source, body.path("error").path("status").asInt(0),
                        body.path("error").path("message").asText("")));
                continue;
            }
            switch (path) {
                case POLICIES -> body.path("entities").forEach(p -> addIf(facts, GenesysConfigFields.policy(p)));
                case DATA_RETENTION -> facts.add(new DataRetention(body.path("retentionDays").asInt(0)));
                case TRUNKS -> body.path("entities").forEach(t -> addIf(facts, GenesysConfigFields.trunk(t)));
                case PHONES -> body.path("entities").forEach(phones::add);
                case PHONE_TEMPLATE -> phoneTemplates.put(String.valueOf(query(key, "phoneMetabaseId")), body);
                case EXPORT_SCHEMA -> exportSchema = body;
                case INTEGRATIONS -> body.path("entities").forEach(i -> integrations.put(i.path("id").asText(), i));
                case FORMS -> body.path("entities").forEach(f -> facts.add(new QualityForm(f.path("id").asText(), f.path("name").asText())));
                case CALIBRATIONS -> {
                    List<JsonNode> sessions = calibrations.computeIfAbsent(String.valueOf(query(key, "calibratorId")), k -> new ArrayList<>());
                    body.path("entities").forEach(sessions::add); // every page of one calibrator
                    String who = String.valueOf(query(key, "calibratorId"));
                    calibrationWindows.put(who, windowDays(query(key, "startTime"), query(key, "endTime")));
                }
                default -> {
                    if (path.startsWith(INTEGRATIONS + "/") && path.endsWith("/config/current")) {
                        configs.put(path.substring(INTEGRATIONS.length() + 1, path.length() - "/config/current".length()), body);
                    } else if (path.startsWith(OAUTH_CLIENT)) {
                        clientId = path.substring(OAUTH_CLIENT.length());
                        body.path("roleIds").forEach(r -> roleIds.add(r.asText()));
                        body.path("roleDivisions").forEach(r -> roleIds.add(r.path("roleId").asText()));
                    } else if (path.startsWith(ROLE)) {
                        roles.put(path.substring(ROLE.length()), body);
                    }
                }
            }
        }
        phones.forEach(p -> addIf(facts, GenesysConfigFields.phone(p, phoneTemplates)));
        JsonNode schema = exportSchema;
        integrations.forEach((id, i) -> addIf(facts, GenesysConfigFields.integration(i, configs.get(id), schema)));
        calibrations.forEach((who, list) -> facts.add(calibrations(who, list, calibrationWindows.getOrDefault(who, 0), s.takenAt())));
        if (clientId != null) {
            Set<String> granted = new TreeSet<>();
            for (String roleId : new TreeSet<>(roleIds)) {
                JsonNode role = roles.get(roleId);
                if (role == null) {
                    continue; // an unread role is an Unreadable fact already, or the snapshot lacks it
                }
                role.path("permissions").forEach(p -> granted.add(p.asText()));
                role.path("permissionPolicies").forEach(pp -> pp.path("actionSet").forEach(a -> granted.add(
                        pp.path("domain").asText() + ":" + pp.path("entityName").asText() + ":" + a.asText())));
            }
            facts.add(new ClientPermissions(clientId, List.copyOf(granted)));
        }
        s.buckets().forEach((name, b) -> {
            if (b.error() != null) {
                facts.add(new Unreadable("bucket " + name, 0, b.error()));
            }
            facts.add(new ArchiveBucket(name, b.archiveRegion(), b.exists() && b.error() == null, b.location(), b.versioning(),
                    b.objectLock(), b.defaultMode(), b.defaultRetentionDays(), b.policy() != null
                    && GenesysConfigFields.deniesDelete(ConfigSnapshotJson.tree(b.policy()), name),
                    b.sampledRecordings() == null ? 0 : b.sampledRecordings(), b.withoutMetadata().size(),
                    b.withoutMetadata().isEmpty() ? null : b.withoutMetadata().get(0)));
        });
        String phrases = s.recguard().get(ConfigSnapshot.RISK_LEXICON_PHRASES);
        if (phrases != null) {
            facts.add(new RiskLexicon(Integer.parseInt(phrases.trim())));
        }
        String rate = s.recguard().get(ConfigSnapshot.QA_SAMPLE_RATE);
        if (rate != null) {
            facts.add(new QaSampling(Double.parseDouble(rate.trim())));
        }
        return facts;
    }

    private static String sourceOf(String path) {
        if (path.equals(POLICIES)) {
            return "recording policies";
        } else if (path.equals(DATA_RETENTION)) {
            return "data retention settings";
        } else if (path.equals(TRUNKS)) {
            return "trunk settings";
        } else if (path.equals(PHONES) || path.equals(PHONE_TEMPLATE)) {
            return "phone settings";
        } else if (path.equals(INTEGRATIONS) || path.equals(EXPORT_SCHEMA)) {
            return "integrations";
        } else if (path.equals(FORMS)) {
            return "evaluation forms";
        } else if (path.equals(CALIBRATIONS)) {
            return "calibrations";
        } else if (path.startsWith(OAUTH_CLIENT)) {
            return "OAuth client";
        }
        return path;
    }

    private static void addIf(List<Object> facts, Object fact) {
        if (fact != null) {
            facts.add(fact);
        }
    }

    /** The sessions of one calibrator over every page read, by {@code Calibration.createdDate}. */
    private static Calibrations calibrations(String calibratorId, List<JsonNode> sessions, int windowDays, Instant takenAt) {
        Instant latest = null;
        for (JsonNode c : sessions) {
            try {
                Instant t = Instant.parse(c.path("createdDate").asText("").replaceAll("\\.\\d+Z$", "Z"));
                latest = latest == null || t.isAfter(latest) ? t : latest;
            } catch (DateTimeParseException e) {
                // a session without a readable createdDate counts but cannot be recent
            }
        }
        int days = latest == null ? -1 : (int) Math.max(0, Duration.between(latest, takenAt).toDays());
        return new Calibrations(calibratorId, sessions.size(), windowDays, days);
    }

    /** Whole days between the startTime and endTime of a calibrations query; 0 when it has none. */
    private static int windowDays(String start, String end) {
        try {
            return start == null || end == null ? 0 : (int) Duration.between(Instant.parse(start), Instant.parse(end)).toDays();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String query(String key, String param) {
        int q = key.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String kv : key.substring(q + 1).split("&")) {
            if (kv.startsWith(param + "=")) {
                return kv.substring(param.length() + 1);
            }
        }
        return null;
    }

}
