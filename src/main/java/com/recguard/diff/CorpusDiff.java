package com.recguard.diff;

import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Changes counted over a corpus, each with its first few example paths (in path order, so the
 * report is the same however many threads compared the bundles). Thread-safe.
 */
public final class CorpusDiff {

    public static final int EXAMPLES = 3;

    /** One kind of change, how many conversations it touched, and the first of them. */
    public record Change(String label, long count, NavigableSet<Path> examples) {}

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Path>> examples = new ConcurrentHashMap<>();
    private final LongAdder bundles = new LongAdder();
    private final LongAdder changed = new LongAdder();
    private final Map<Path, String> unreadable = new ConcurrentHashMap<>();

    public void record(Path path, java.util.List<String> changes) {
        bundles.increment();
        if (changes.isEmpty()) {
            return;
        }
        changed.increment();
        for (String label : changes) {
            counts.computeIfAbsent(label, k -> new LongAdder()).increment();
            NavigableSet<Path> ex = examples.computeIfAbsent(label, k -> new ConcurrentSkipListSet<>());
            synchronized (ex) {
                ex.add(path);
                if (ex.size() > EXAMPLES) {
                    ex.pollLast();
                }
            }
        }
    }

    public void unreadable(Path path, String why) {
        bundles.increment();
        unreadable.put(path, why);
    }

    public long bundles() {
        return bundles.sum();
    }

    public long changed() {
        return changed.sum();
    }

    public Map<Path, String> unreadable() {
        return new TreeMap<>(unreadable);
    }

    /** Changes by label, in label order. */
    public java.util.List<Change> changes() {
        return new TreeMap<>(counts).entrySet().stream()
                .map(e -> new Change(e.getKey(), e.getValue().sum(), examples.get(e.getKey())))
                .toList();
    }
}
