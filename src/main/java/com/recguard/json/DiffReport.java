package com.recguard.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recguard.diff.CorpusDiff;

/** The machine-readable report of {@code recguard diff --json}. */
public final class DiffReport {

    private DiffReport() {}

    public static String write(String oldPack, String newPack, CorpusDiff diff) {
        ObjectNode root = BundleReader.MAPPER.createObjectNode();
        root.put("oldRulePack", oldPack);
        root.put("newRulePack", newPack);
        root.put("bundles", diff.bundles());
        root.put("changed", diff.changed());
        root.put("unreadable", diff.unreadable().size());
        ArrayNode changes = root.putArray("changes");
        for (CorpusDiff.Change c : diff.changes()) {
            ObjectNode n = changes.addObject().put("change", c.label()).put("count", c.count());
            ArrayNode ex = n.putArray("examples");
            c.examples().forEach(p -> ex.add(p.toString()));
        }
        ObjectNode bad = root.putObject("unreadableFiles");
        diff.unreadable().forEach((p, why) -> bad.put(p.toString(), why));
        return root.toPrettyString();
    }
}
