package com.recguard.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An archived conversation as it stands: its manifest folded with the events written after it.
 * The hold is in force while some reason applied has not been released; a release covers the
 * reasons in force when it was made, so archiving the same decision again does not re-apply a
 * released hold, while a new reason does.
 */
public final class ArchiveState {

    private final Manifest manifest;
    private final Map<Integer, ArchiveEvent> events;
    private final TreeSet<String> active = new TreeSet<>();
    private final TreeSet<String> released = new TreeSet<>();
    private LocalDate retainUntil;

    ArchiveState(Manifest manifest, Map<Integer, ArchiveEvent> events) {
        this.manifest = manifest;
        this.events = new TreeMap<>(events);
        if (manifest.legalHold()) {
            active.addAll(manifest.holdReasons());
        }
        retainUntil = manifest.retainUntil();
        for (ArchiveEvent e : this.events.values()) {
            switch (e.type()) {
                case ArchiveEvent.HOLD_APPLIED -> {
                    active.addAll(e.holdReasons());
                    released.removeAll(e.holdReasons());
                }
                case ArchiveEvent.HOLD_RELEASED -> {
                    released.addAll(active);
                    released.addAll(e.holdReasons());
                    active.clear();
                }
                case ArchiveEvent.RETENTION_EXTENDED -> {
                    if (e.retainUntil() != null && e.retainUntil().isAfter(retainUntil)) {
                        retainUntil = e.retainUntil();
                    }
                }
                default -> { /* an event type from a later version: kept, not interpreted */ }
            }
        }
    }

    /** Reads the manifest and every event of a conversation from the store. */
    public static ArchiveState load(ObjectStore store, ArchiveCodec codec, Location at, String conversationId) {
        Manifest m = codec.readManifest(read(store, at, Keys.manifest(conversationId)));
        Map<Integer, ArchiveEvent> events = new TreeMap<>();
        for (ObjectVersion v : store.versions(at, Keys.eventsPrefix(conversationId))) {
            int seq = Keys.eventSequence(v.key());
            if (v.latest() && !v.deleteMarker() && seq >= 0) {
                events.put(seq, codec.readEvent(read(store, at, v.key())));
            }
        }
        return new ArchiveState(m, events);
    }

    static byte[] read(ObjectStore store, Location at, String key) {
        try (InputStream in = store.get(at, key, null)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(key + ": " + e.getMessage(), e);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public List<ArchiveEvent> events() {
        return new ArrayList<>(events.values());
    }

    public boolean held() {
        return !active.isEmpty();
    }

    public List<String> activeReasons() {
        return List.copyOf(active);
    }

    public List<String> releasedReasons() {
        return List.copyOf(released);
    }

    /** The latest retain-until any record of this archive promised. */
    public LocalDate retainUntil() {
        return retainUntil;
    }

    public int nextSequence() {
        return events.isEmpty() ? 1 : ((TreeMap<Integer, ArchiveEvent>) events).lastKey() + 1;
    }

    /** Reasons of {@code wanted} that are neither in force nor released. */
    public List<String> newReasons(List<String> wanted) {
        TreeSet<String> n = new TreeSet<>(wanted);
        n.removeAll(active);
        n.removeAll(released);
        return List.copyOf(n);
    }
}
