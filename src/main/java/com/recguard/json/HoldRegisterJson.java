package com.recguard.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.model.LegalHold;
import java.time.Instant;
import java.util.List;

/**
 * The hold register's file format ({@code {"legalHolds": [...]}}, each hold as in POLICY.md
 * section 1) and its audit lines; the file adapter does the reading and writing.
 */
public final class HoldRegisterJson {

    private HoldRegisterJson() {}

    public static List<LegalHold> read(String json) throws BundleFormatException {
        return BundleReader.legalHolds(BundleReader.parse(json));
    }

    /** The register as pretty-printed JSON. */
    public static String write(List<LegalHold> holds) {
        ObjectNode root = BundleReader.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("legalHolds");
        BundleWriter.toTree(new com.recguard.model.Bundle(
                new com.recguard.model.Conversation("hold-register", null, null, null, List.of()),
                List.of(), List.of(), null, List.of(), holds, null, true)).path("legalHolds").forEach(arr::add);
        return root.toPrettyString();
    }

    /** One line of the register's audit trail (JSON lines), without its newline. */
    public static String auditLine(Instant at, String op, String holdId, String who, String why) {
        return BundleReader.MAPPER.createObjectNode().put("at", at.toString()).put("op", op)
                .put("holdId", holdId).put("who", who).put("why", why).toString();
    }

    /** A line of the audit trail as {@link #auditLine} wrote it. */
    public record AuditLine(Instant at, String op, String holdId, String who, String why) {}

    /** Reads one audit-trail line; a line that is not one is named in the exception. */
    public static AuditLine readAuditLine(String line) throws BundleFormatException {
        com.fasterxml.jackson.databind.JsonNode n = BundleReader.parse(line);
        try {
            return new AuditLine(Instant.parse(n.path("at").asText()), n.path("op").asText(null), n.path("holdId").asText(null),
                    n.path("who").asText(null), n.path("why").asText(null));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BundleFormatException("at: not an ISO-8601 instant: " + n.path("at").asText());
        }
    }
}
