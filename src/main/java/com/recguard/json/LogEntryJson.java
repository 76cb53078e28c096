package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.audit.LogEntry;
import java.util.ArrayList;
import java.util.List;

/** One decision-log entry as one line of JSON (the file adapter keeps the lines, this class their form). */
public final class LogEntryJson {

    private LogEntryJson() {}

    /** @param where names the line in a message, e.g. {@code decisions.log:12} */
    public static LogEntry parse(String line, String where) throws BundleFormatException {
        try {
            JsonNode n = BundleReader.MAPPER.readTree(line);
            List<String> fired = new ArrayList<>();
            n.path("firedRules").forEach(f -> fired.add(f.asText()));
            return new LogEntry(n.path("seq").asLong(), n.path("inputHash").asText(), n.path("rulePack").asText(), fired,
                    n.path("input").asText(), n.path("decision").asText(), n.path("prevHash").asText(), n.path("hash").asText());
        } catch (JsonProcessingException e) {
            throw new BundleFormatException(where + ": not a log entry: " + e.getOriginalMessage());
        }
    }

    public static String write(LogEntry e) {
        ObjectNode n = BundleReader.MAPPER.createObjectNode();
        n.put("seq", e.seq());
        n.put("inputHash", e.inputHash());
        n.put("rulePack", e.rulePack());
        e.firedRules().forEach(n.putArray("firedRules")::add);
        n.put("input", e.input());
        n.put("decision", e.decision());
        n.put("prevHash", e.prevHash());
        n.put("hash", e.hash());
        return n.toString();
    }
}
