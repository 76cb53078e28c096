package com.recguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.recguard.config.facts.ExportIntegration;
import com.recguard.config.facts.PhoneBase;
import com.recguard.config.facts.RetentionPolicy;
import com.recguard.config.facts.Trunk;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * How the configuration audit reads Genesys responses: which fields, with which defaults, as
 * Genesys applies them. Each field is one of the SDK 198.1.0 model classes (docs/config-audit.md
 * cites them per check). Kept apart from the snapshot codec so that the semantics can be read and
 * tested on their own.
 */
final class GenesysConfigFields {

    /** The only integration type through which Genesys exports recordings to S3. */
    static final String BULK_EXPORT_TYPE = "aws-s3-recording-bulk-actions-integration";
    /** Phone base property taken for station-side recording: its name is not established (see PhoneBase). */
    static final String STATION_SIDE = "station_side_recording_enabled";
    /** Trunk base property "Record calls on this trunk" (also a filter of the trunkbasesettings call: recordingEnabled). */
    static final String TRUNK_RECORDING = "trunk_recording_enabled";

    /** {@code CallMediaPolicyConditions} / {@code PolicyConditions} fields that restrict which calls match; not timeAllowed. */
    private static final List<String> CONDITIONS = List.of("forUsers", "directions", "dateRanges", "forQueues",
            "wrapupCodes", "languages", "teams", "duration", "customerParticipation");

    private GenesysConfigFields() {}

    /** The call part of a {@code Policy}, or null when the policy says nothing about calls. */
    static RetentionPolicy policy(JsonNode p) {
        JsonNode top = p.path("conditions");
        JsonNode call = p.path("mediaPolicies").path("callPolicy");
        JsonNode actions;
        if (call.isObject()) {
            actions = call.path("actions");
        } else {
            // a policy in the older top-level shape: its conditions and actions, if its media types include calls
            JsonNode media = top.path("mediaTypes");
            boolean calls = !media.isArray() || media.isEmpty();
            for (JsonNode m : media) {
                calls |= "CALL".equalsIgnoreCase(m.asText());
            }
            if (!calls || !p.path("actions").isObject()) {
                return null;
            }
            actions = p.path("actions");
        }
        boolean unconditioned = unconditioned(call.path("conditions")) && unconditioned(top);
        boolean always = actions.path("alwaysDelete").asBoolean(false);
        boolean retainRecording = actions.path("retainRecording").asBoolean(true); // API default: true
        boolean retains = retainRecording && !always;
        boolean deletes = always || (!retainRecording && actions.path("deleteRecording").asBoolean(false));
        JsonNode delete = actions.path("retentionDuration").path("deleteRetention").path("days");
        JsonNode export = actions.path("integrationExport").path("integration");
        boolean evaluations = nonEmpty(actions.path("assignEvaluations")) || nonEmpty(actions.path("assignMeteredEvaluations"));
        return new RetentionPolicy(p.path("id").asText(), p.path("name").asText(), p.path("enabled").asBoolean(false),
                unconditioned, retains, deletes, delete.isNumber() ? delete.asInt() : -1,
                export.hasNonNull("id") ? export.path("id").asText() : null, evaluations,
                p.path("policyErrors").path("policyErrorMessages").size());
    }

    /** No condition field restricts anything; {@code timeAllowed} (with its timeZoneId and empty) is not a condition. */
    static boolean unconditioned(JsonNode conditions) {
        for (String field : CONDITIONS) {
            if (!empty(conditions.path(field))) {
                return false;
            }
        }
        return true;
    }

    /** A trunk base setting, or null when Genesys marks it deleted. */
    static Trunk trunk(JsonNode t) {
        if (deleted(t)) {
            return null;
        }
        return new Trunk(t.path("id").asText(), t.path("name").asText(), "EXTERNAL".equalsIgnoreCase(t.path("trunkType").asText()),
                property(t, TRUNK_RECORDING).asBoolean(false));
    }

    /**
     * A phone base setting, or null when Genesys marks it deleted.
     *
     * @param templates phone base settings templates by phone metabase id (GET …/phonebasesettings/template)
     */
    static PhoneBase phone(JsonNode p, java.util.Map<String, JsonNode> templates) {
        if (deleted(p)) {
            return null;
        }
        String named = stationSideProperty(templates.get(p.path("phoneMetaBase").path("id").asText("")));
        String name = named == null ? STATION_SIDE : named;
        JsonNode v = property(p, name);
        return new PhoneBase(p.path("id").asText(), p.path("name").asText(), v.isMissingNode() || v.isNull() ? null : v.asBoolean(false),
                name, named != null);
    }

    /** The one property of a phone base template whose name speaks of station-side recording, or null. */
    static String stationSideProperty(JsonNode template) {
        if (template == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        template.path("properties").fieldNames().forEachRemaining(n -> {
            String l = n.toLowerCase(Locale.ROOT);
            if (l.contains("station") && l.contains("record")) {
                found.add(n);
            }
        });
        return found.size() == 1 ? found.get(0) : null;
    }

    /**
     * A bulk-actions export integration, or null for any other type or a deleted one.
     *
     * @param config the integration's {@code /config/current} (null when not read)
     * @param schema the type's {@code configschemas/properties} JSON schema (null when not read)
     */
    static ExportIntegration integration(JsonNode i, JsonNode config, JsonNode schema) {
        if (!BULK_EXPORT_TYPE.equals(i.path("integrationType").path("id").asText())
                || "DELETED".equalsIgnoreCase(i.path("intendedState").asText())) {
            return null;
        }
        JsonNode props = config == null ? null : config.path("properties");
        String bucket = null;
        if (props != null) {
            for (String name : bucketProperties(schema, props)) {
                if (props.path(name).isTextual() && !props.path(name).asText().isBlank()) {
                    bucket = props.path(name).asText().trim();
                    break;
                }
            }
        }
        return new ExportIntegration(i.path("id").asText(), i.path("name").asText(),
                "ENABLED".equalsIgnoreCase(i.path("intendedState").asText()), bucket);
    }

    /**
     * The configuration property that holds the bucket: the one the type's config schema names with
     * "bucket", else any configured property so named (the schema was not read).
     */
    private static List<String> bucketProperties(JsonNode schema, JsonNode props) {
        List<String> names = new ArrayList<>();
        JsonNode source = schema != null && schema.path("properties").isObject() ? schema.path("properties") : props;
        for (Iterator<String> it = source.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (n.toLowerCase(Locale.ROOT).contains("bucket")) {
                names.add(n);
            }
        }
        return names;
    }

    private static boolean deleted(JsonNode entity) {
        return "deleted".equalsIgnoreCase(entity.path("state").asText());
    }

    /** A Genesys edge property: {@code properties.<name>.value.instance}; missing when the entity has no such property. */
    private static JsonNode property(JsonNode entity, String name) {
        return entity.path("properties").path(name).path("value").path("instance");
    }

    /** A condition that restricts nothing: absent, null, an empty list or text, or an object of such. */
    private static boolean empty(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return true;
        }
        if (n.isArray() || n.isObject()) {
            for (JsonNode child : n) {
                if (!empty(child)) {
                    return false;
                }
            }
            return true;
        }
        return n.isTextual() && n.asText().isEmpty();
    }

    private static boolean nonEmpty(JsonNode n) {
        return n.isArray() ? !n.isEmpty() : n.isObject() && !n.isEmpty();
    }

    // ---------------------------------------------------------------- bucket policy

    /**
     * Whether one statement denies s3:DeleteObjectVersion on the bucket's objects to every principal
     * ({@code "*"}, {@code {"AWS": "*"}} or {@code {"AWS": ["*"]}}), for a Resource that covers
     * {@code arn:aws:s3:::<bucket>/<any key>}, and without a Condition (a conditioned deny does not
     * deny everyone always). NotPrincipal, NotAction and NotResource statements are not counted.
     */
    static boolean deniesDelete(JsonNode doc, String bucket) {
        List<JsonNode> statements = new ArrayList<>();
        JsonNode st = doc.path("Statement");
        if (st.isArray()) {
            st.forEach(statements::add);
        } else if (st.isObject()) {
            statements.add(st);
        }
        for (JsonNode s : statements) {
            if (!"Deny".equals(s.path("Effect").asText()) || s.has("Condition") && !empty(s.path("Condition"))
                    || s.has("NotPrincipal") || s.has("NotAction") || s.has("NotResource")) {
                continue;
            }
            JsonNode principal = s.path("Principal");
            boolean everyone = "*".equals(principal.asText(null)) || values(principal.path("AWS")).contains("*");
            if (!everyone) {
                continue;
            }
            boolean action = values(s.path("Action")).stream().anyMatch(a -> matches(a, "s3:DeleteObjectVersion"));
            String objects = "arn:aws:s3:::" + bucket + "/recguard-probe-key";
            boolean resource = values(s.path("Resource")).stream().anyMatch(r -> matches(r, objects));
            if (action && resource) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    /** IAM wildcard match ({@code *}, {@code ?}); actions are case-insensitive, so the comparison is too. */
    private static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.toLowerCase(Locale.ROOT).matches(regex.toString());
    }
}
