package com.recguard.service;

import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.model.Bundle;
import com.recguard.model.RecordingStop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POLICY.md §3 *Settling* in the service: Genesys uploads recordings minutes after a call, so a
 * first decision may be provisional. It is stored and acted on only as far as the policy allows
 * (holds and consent at once: evidence first); the conversation is gathered again with doubling
 * waits until the decision is final or the settle deadline passes, when the bundle is gathered
 * {@code settled} (pending recordings count as not usable) and the decision is final.
 */
final class Settling {

    /** Actions that come from a final decision only. */
    static final Set<String> FINAL_ONLY = Set.of("ARCHIVE", "QUEUE_FOR_QA", "ALERT");

    private Settling() {}

    /**
     * The bundle to decide on: the gathered one with every recording stop seen in an earlier
     * gather of the conversation kept (Genesys returns pause annotations only while a recording is
     * AVAILABLE: a stop once seen is never dropped).
     */
    static Bundle prepare(Bundle gathered, DecisionStore.StoredDecision previous) {
        List<RecordingStop> stops = mergeStops(gathered.recordingStops(), previous);
        return new Bundle(gathered.conversation(), gathered.recordings(), stops, gathered.ivr(), gathered.transcript(),
                gathered.legalHolds(), gathered.evaluatedAt(), gathered.settled());
    }

    static List<RecordingStop> mergeStops(List<RecordingStop> now, DecisionStore.StoredDecision previous) {
        if (previous == null) {
            return now;
        }
        List<RecordingStop> before;
        try {
            before = BundleReader.read(previous.bundleJson()).recordingStops();
        } catch (BundleFormatException e) {
            return now; // an unreadable stored bundle adds nothing; the new gather stands
        }
        // A stop is the same stop when it starts at the same instant by the same party; the newer
        // gather's reading of it (a resume time, a justification) wins.
        Map<String, RecordingStop> byStart = new LinkedHashMap<>();
        for (RecordingStop s : before) {
            byStart.put(s.at() + "|" + s.by(), s);
        }
        for (RecordingStop s : now) {
            byStart.put(s.at() + "|" + s.by(), s);
        }
        List<RecordingStop> out = new ArrayList<>(byStart.values());
        out.sort(Comparator.comparing(RecordingStop::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(s -> String.valueOf(s.by())));
        return out;
    }

    /**
     * When to gather a provisional conversation again: {@code settleFirst} doubled for each
     * provisional decision so far (1, 2, 4, 8… minutes by default), never after the deadline, which
     * is when the last, settled gather happens.
     */
    static Instant nextGather(Instant now, Instant firstEvent, int round, RecguardService.Settings s) {
        Instant deadline = firstEvent.plus(s.settleFor());
        Duration wait = s.settleFirst().multipliedBy(1L << Math.min(20, round));
        Instant next = now.plus(wait);
        return next.isAfter(deadline) ? deadline : next;
    }
}
