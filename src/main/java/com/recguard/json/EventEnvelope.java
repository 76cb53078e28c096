package com.recguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Genesys Cloud event in the Amazon EventBridge envelope ({@code detail-type},
 * {@code detail.topicName}, {@code detail.eventBody}). Only the topics that mean "the facts of
 * this conversation are complete or changed" are accepted: conversation end for the customer
 * or a user, after-call work, and recording availability.
 */
public record EventEnvelope(String topicName, String conversationId, Instant eventTime) {

    private static final Pattern TOPIC = Pattern.compile(
            "v2\\.(?:detail\\.events\\.conversation\\.([^.]+)\\.(?:customer\\.end|user\\.end|acw)"
                    + "|conversations\\.([^.]+)\\.recordings)");

    public static EventEnvelope parse(String body) throws BundleFormatException {
        JsonNode root = BundleReader.parse(body);
        JsonNode detail = root.path("detail");
        if (!root.hasNonNull("detail-type") || !detail.isObject()) {
            throw new BundleFormatException("not an EventBridge envelope: \"detail-type\" and \"detail\" are required");
        }
        String topic = detail.path("topicName").asText("");
        Matcher m = TOPIC.matcher(topic);
        if (!m.matches()) {
            throw new BundleFormatException("detail.topicName \"" + topic + "\" is not a topic recguard acts on"
                    + " (conversation customer.end, user.end, acw, or recordings)");
        }
        JsonNode body2 = detail.path("eventBody");
        JsonNode given = body2.get("conversationId");
        if (given != null && !given.isNull() && !given.isTextual()) {
            // 42 or true is not a Genesys conversation id: refuse it rather than act on its text.
            throw new BundleFormatException("detail.eventBody.conversationId must be a JSON string, not "
                    + given.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(given.toString()));
        }
        String id = given != null && !given.isNull() ? given.asText()
                : m.group(1) != null ? m.group(1) : m.group(2);
        if (id == null || id.isBlank() || id.equals("{id}")) {
            throw new BundleFormatException("no conversation id in detail.eventBody.conversationId or the topic name");
        }
        return new EventEnvelope(topic, id, eventTime(root, body2));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** eventBody.eventTime is epoch milliseconds (a long, whatever the SDK's Integer says); else the envelope time. */
    private static Instant eventTime(JsonNode root, JsonNode eventBody) throws BundleFormatException {
        JsonNode t = eventBody.get("eventTime");
        if (t != null && t.isNumber()) {
            return Instant.ofEpochMilli(t.asLong());
        }
        if (t != null && t.isTextual()) {
            try {
                return OffsetDateTime.parse(t.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new BundleFormatException("detail.eventBody.eventTime is neither epoch milliseconds nor ISO-8601");
            }
        }
        if (root.hasNonNull("time")) {
            try {
                return OffsetDateTime.parse(root.get("time").asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new BundleFormatException("time is not ISO-8601: " + root.get("time").asText());
            }
        }
        throw new BundleFormatException("no event time: detail.eventBody.eventTime or time is required");
    }
}
