package com.recguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.recguard.config.ConfigSnapshot;
import com.recguard.config.facts.ArchiveBucket;
import com.recguard.config.facts.Calibrations;
import com.recguard.config.facts.ClientPermissions;
import com.recguard.config.facts.DataRetention;
import com.recguard.config.facts.ExportIntegration;
import com.recguard.config.facts.PhoneBase;
import com.recguard.config.facts.QaSampling;
import com.recguard.config.facts.QualityForm;
import com.recguard.config.facts.RiskLexicon;
import com.recguard.config.facts.RetentionPolicy;
import com.recguard.config.facts.Trunk;
import com.recguard.config.facts.Unreadable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The facts the configuration rules see in a snapshot: which Genesys responses and bucket states
 * become which {@code config.facts}. The file format is {@link ConfigSnapshotJson}'s.
 *
 * <p>Which response fields are read is decided here, in one place; docs/config-audit.md lists them
 * and marks those not verified against a real org.
 */
public final class ConfigSnapshotFacts {

    static final String POLICIES = "/api/v2/recording/mediaretentionpolicies";
    static final String DATA_RETENTION = "/api/v2/analytics/dataretention/settings";
    static final String TRUNKS = "/api/v2/telephony/providers/edges/trunkbasesettings";
    static final String PHONES = "/api/v2/telephony/providers/edges/phonebasesettings";
    static final String INTEGRATIONS = "/api/v2/integrations";
    static final String FORMS = "/api/v2/quality/publishedforms/evaluations";
    static final String CALIBRATIONS = "/api/v2/quality/calibrations";
    static final String OAUTH_CLIENT = "/api/v2/oauth/clients/";
    static final String ROLE = "/api/v2/authorization/roles/";
    /** Phone base property of station-side recording (name unverified against a real org). */
    static final String STATION_SIDE = "station_side_recording_enabled";

    private ConfigSnapshotFacts() {}

    /** Every configuration fact the snapshot holds. */
    public static List<Object> facts(ConfigSnapshot s) {
        List<Object> facts = new ArrayList<>();
        Map<String, JsonNode> integrations = new LinkedHashMap<>();
        Map<String, JsonNode> configs = new TreeMap<>();
        List<String> roleIds = new ArrayList<>();
        String clientId = null;
        Map<String, JsonNode> roles = new TreeMap<>();
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
                case POLICIES -> body.path("entities").forEach(p -> policy(p, facts));
                case DATA_RETENTION -> facts.add(new DataRetention(body.path("retentionDays").asInt(0)));
                case TRUNKS -> body.path("entities").forEach(t -> facts.add(new Trunk(t.path("id").asText(),
                        t.path("name").asText(), "EXTERNAL".equalsIgnoreCase(t.path("trunkType").asText()),
                        property(t, "trunk_recording_enabled"))));
                case PHONES -> body.path("entities").forEach(p -> facts.add(new PhoneBase(p.path("id").asText(),
                        p.path("name").asText(), property(p, STATION_SIDE))));
                case INTEGRATIONS -> body.path("entities").forEach(i -> integrations.put(i.path("id").asText(), i));
                case FORMS -> body.path("entities").forEach(f -> facts.add(new QualityForm(f.path("id").asText(), f.path("name").asText())));
                case CALIBRATIONS -> facts.add(calibrations(query(key, "calibratorId"), body, s.takenAt()));
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
        integrations.forEach((id, i) -> {
            JsonNode cfg = configs.get(id);
            JsonNode props = cfg == null ? null : cfg.path("properties");
            if (props == null || !(props.hasNonNull("bucketName") || props.hasNonNull("bucket"))) {
                return; // not an archive export integration
            }
            String state = i.path("intendedState").asText(i.path("reportedState").path("code").asText(""));
            facts.add(new ExportIntegration(id, i.path("name").asText(), i.path("integrationType").path("id").asText(),
                    state.equalsIgnoreCase("ENABLED") || state.equalsIgnoreCase("ACTIVE"),
                    props.hasNonNull("bucketName") ? props.path("bucketName").asText() : props.path("bucket").asText(),
                    props.path("exportMetadata").asBoolean(false), props.path("verifyIntegrity").asBoolean(false),
                    props.hasNonNull("syncFrequency") ? props.path("syncFrequency").asText() : null));
        });
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
                    b.objectLock(), b.defaultMode(), b.defaultRetentionDays(), deniesDelete(b.policy())));
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
        } else if (path.equals(PHONES)) {
            return "phone settings";
        } else if (path.equals(INTEGRATIONS)) {
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

    private static void policy(JsonNode p, List<Object> facts) {
        JsonNode call = p.path("mediaPolicies").path("callPolicy");
        if (call.isMissingNode() || call.isNull()) {
            return;
        }
        JsonNode a = call.path("actions");
        JsonNode delete = a.path("retentionDuration").path("deleteRetention").path("days");
        JsonNode export = a.path("integrationExport");
        String exportId = export.path("integration").hasNonNull("id") ? export.path("integration").path("id").asText() : null;
        boolean evaluations = nonEmpty(a.path("assignEvaluations")) || nonEmpty(a.path("assignMeteredEvaluations"));
        facts.add(new RetentionPolicy(p.path("id").asText(), p.path("name").asText(), p.path("enabled").asBoolean(false),
                empty(call.path("conditions")), a.path("retainRecording").asBoolean(false),
                a.path("deleteRecording").asBoolean(false) || a.path("alwaysDelete").asBoolean(false),
                delete.isNumber() ? delete.asInt() : -1, exportId, evaluations));
    }

    /** A condition that restricts nothing: absent, null, false, an empty list, or an object of such. */
    private static boolean empty(JsonNode n) {
        if (n.isMissingNode() || n.isNull() || (n.isBoolean() && !n.asBoolean())) {
            return true;
        }
        if (n.isArray()) {
            return n.isEmpty();
        }
        if (n.isObject()) {
            for (JsonNode child : n) {
                if (!empty(child)) {
                    return false;
                }
            }
            return true;
        }
        return n.asText().isEmpty();
    }

    private static boolean nonEmpty(JsonNode n) {
        return n.isArray() ? !n.isEmpty() : n.isObject() && !n.isEmpty();
    }

    /** A Genesys edge property: {@code properties.<name>.value.instance} as a boolean. */
    private static boolean property(JsonNode entity, String name) {
        return entity.path("properties").path(name).path("value").path("instance").asBoolean(false);
    }

    private static Calibrations calibrations(String calibratorId, JsonNode body, Instant takenAt) {
        Instant latest = null;
        int count = 0;
        for (JsonNode c : body.path("entities")) {
            count++;
            String when = c.path("calibrationDate").asText(c.path("createdDate").asText(""));
            try {
                Instant t = Instant.parse(when.replaceAll("\\.\\d+Z$", "Z"));
                latest = latest == null || t.isAfter(latest) ? t : latest;
            } catch (DateTimeParseException e) {
                // a session without a readable date counts but cannot be recent
            }
        }
        int days = latest == null ? -1 : (int) Math.max(0, Duration.between(latest, takenAt).toDays());
        return new Calibrations(calibratorId == null ? "?" : calibratorId, count, days);
    }

    /** Whether a statement denies everyone s3:DeleteObjectVersion on the bucket's objects. */
    static boolean deniesDelete(String policy) {
        if (policy == null) {
            return false;
        }
        JsonNode doc = ConfigSnapshotJson.tree(policy);
        JsonNode st = doc.path("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (st.isArray()) {
            st.forEach(statements::add);
        } else if (st.isObject()) {
            statements.add(st);
        }
        for (JsonNode s : statements) {
            if (!"Deny".equalsIgnoreCase(s.path("Effect").asText())) {
                continue;
            }
            JsonNode principal = s.path("Principal");
            boolean everyone = "*".equals(principal.asText()) || "*".equals(principal.path("AWS").asText());
            if (!everyone) {
                continue;
            }
            List<String> actions = new ArrayList<>();
            JsonNode act = s.path("Action");
            if (act.isArray()) {
                act.forEach(x -> actions.add(x.asText()));
            } else {
                actions.add(act.asText());
            }
            for (String a : actions) {
                String regex = a.toLowerCase(Locale.ROOT).replace(".", "\\.").replace("*", ".*").replace("?", ".");
                if ("s3:deleteobjectversion".matches(regex)) {
                    return true;
                }
            }
        }
        return false;
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
