package com.recguard.bench;

import com.recguard.archive.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scale-out bench checks after a run, from what PostgreSQL and the bucket hold: every
 * conversation sent was decided once (one final decision) and archived once (a manifest, one
 * version of every key), and no outbox action was left undone or dead-lettered. Pure, so the
 * checks themselves are unit-tested ({@code ScaleOutChecksTest}).
 *
 * @param sent            the conversation ids pushed to the queue
 * @param finalDecisions  final decisions per conversation id (decisions where is_final = 1)
 * @param outboxByStatus  outbox entries per status (PENDING, DONE, DEAD)
 * @param versionsPerKey  object versions (not delete markers) per key, over every archive bucket
 */
record ScaleOutChecks(Collection<String> sent, Map<String, Integer> finalDecisions, Map<String, Integer> outboxByStatus,
                      Map<String, Integer> versionsPerKey) {

    /** Every loss and duplicate found, one line each, or none. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        int undecided = 0;
        int unarchived = 0;
        for (String id : sent) {
            int n = finalDecisions.getOrDefault(id, 0);
            if (n == 0) {
                undecided++;
                if (undecided <= 5) {
                    out.add("LOST: " + id + " has no final decision");
                }
            } else if (n > 1) {
                out.add("DUPLICATE: " + id + " was decided " + n + " times");
            }
            if (!versionsPerKey.containsKey(Keys.manifest(id))) {
                unarchived++;
                if (unarchived <= 5) {
                    out.add("LOST: " + id + " has no archive manifest");
                }
            }
        }
        if (undecided > 5) {
            out.add("LOST: " + (undecided - 5) + " more conversations without a final decision");
        }
        if (unarchived > 5) {
            out.add("LOST: " + (unarchived - 5) + " more conversations without a manifest");
        }
        finalDecisions.keySet().stream().filter(id -> !sent.contains(id))
                .forEach(id -> out.add("UNEXPECTED: a decision for " + id + ", which was never sent"));
        new TreeMap<>(versionsPerKey).forEach((key, n) -> {
            if (n > 1) {
                out.add("DUPLICATE: " + key + " has " + n + " versions");
            }
        });
        new TreeMap<>(outboxByStatus).forEach((status, n) -> {
            if (!status.equals("DONE") && n > 0) {
                out.add((status.equals("DEAD") ? "DEAD: " : "UNFINISHED: ") + n + " outbox action(s) " + status);
            }
        });
        return out;
    }
}
