package com.recguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.audit.LogEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision log on disk: one JSON object per line, appended and forced to disk before the
 * append returns. Appends are serialised by this object; one writer per file.
 */
public final class DecisionLogFile {

    private final Path path;
    private LogEntry last;

    public DecisionLogFile(Path path) throws IOException, BundleFormatException {
        this.path = path;
        List<LogEntry> existing = Files.exists(path) ? read(path) : List.of();
        this.last = existing.isEmpty() ? null : existing.get(existing.size() - 1);
    }

    /** The last entry written, or null for an empty log. */
    public synchronized LogEntry last() {
        return last;
    }

    public synchronized LogEntry append(String input, String rulePack, List<String> firedRules, String decision) throws IOException {
        LogEntry e = LogEntry.next(last, input, rulePack, firedRules, decision);
        byte[] line = (toJson(e) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
        }
        last = e;
        return e;
    }

    public static List<LogEntry> read(Path path) throws IOException, BundleFormatException {
        List<LogEntry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode n = BundleReader.MAPPER.readTree(lines.get(i));
                List<String> fired = new ArrayList<>();
                n.path("firedRules").forEach(f -> fired.add(f.asText()));
                out.add(new LogEntry(n.path("seq").asLong(), n.path("inputHash").asText(), n.path("rulePack").asText(), fired,
                        n.path("input").asText(), n.path("decision").asText(), n.path("prevHash").asText(), n.path("hash").asText()));
            } catch (JsonProcessingException e) {
                throw new BundleFormatException(path + ":" + (i + 1) + ": not a log entry: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static String toJson(LogEntry e) {
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
