package com.recguard.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.model.Decision;
import java.nio.file.Path;
import java.util.List;

/** The machine-readable report of {@code recguard replay --json}. */
public final class ReplayReport {

    /** One fixture's outcome: passed, failed (differences) or unreadable (error, no fixture). */
    public record Result(Path path, boolean passed, boolean unreadable, String error, List<String> differences,
                         Decision decision) {}

    private ReplayReport() {}

    public static String write(String rulePack, List<Result> results) {
        ObjectNode root = BundleReader.MAPPER.createObjectNode();
        root.put("rulePack", rulePack);
        root.put("passed", results.stream().filter(Result::passed).count());
        root.put("failed", results.stream().filter(r -> !r.passed()).count());
        ArrayNode fixtures = root.putArray("fixtures");
        for (Result r : results) {
            ObjectNode n = fixtures.addObject()
                    .put("path", r.path().toString())
                    .put("status", r.passed() ? "passed" : r.unreadable() ? "unreadable" : "failed");
            if (r.error() != null) {
                n.put("error", r.error());
            }
            ArrayNode diffs = n.putArray("differences");
            r.differences().forEach(diffs::add);
            if (r.decision() != null) {
                n.set("decision", DecisionWriter.toTree(r.decision()));
            }
        }
        return root.toPrettyString();
    }
}
