package com.recguard.service;

import com.recguard.json.BundleFormatException;
import com.recguard.json.DecisionReader;
import com.recguard.model.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The seed's hourly sync, turned into a completeness proof: ask Genesys which conversations ended
 * in the last window (with overlap), queue every one no event brought in, and report what became
 * of them. No conversation silently falls through.
 */
public final class CompletenessSweep {

    /** One window: how many conversations ended in it and where each stands. */
    public record Report(Instant from, Instant to, int seen, int archived, int exempt, int withViolations,
                         int pending, int queuedNow) {}

    private final ConversationSource source;
    private final ServiceStore store;
    private final RecguardService service;
    private final Duration window;
    private final Duration overlap;
    private final Deque<Report> recent = new ArrayDeque<>();

    public CompletenessSweep(ConversationSource source, ServiceStore store, RecguardService service, Duration window, Duration overlap) {
        this.source = source;
        this.store = store;
        this.service = service;
        this.window = window;
        this.overlap = overlap;
    }

    public Report run(Instant now) throws ActionException {
        Instant from = now.minus(window).minus(overlap);
        List<String> ids = source.conversationsEndedBetween(from, now);
        int archived = 0;
        int exempt = 0;
        int violations = 0;
        int pending = 0;
        int queued = 0;
        for (String id : ids) {
            String json = store.latestDecision(id);
            if (json == null) {
                pending++;
                if (!store.knows(id)) {
                    service.acceptFromSweep(id, now);
                    queued++;
                }
                continue;
            }
            try {
                Decision d = DecisionReader.read(json);
                archived += d.actions().stream().anyMatch(a -> a.type().equals("ARCHIVE")) ? 1 : 0;
                exempt += "EXEMPT".equals(d.recording()) ? 1 : 0;
                violations += d.violations().isEmpty() ? 0 : 1;
            } catch (BundleFormatException e) {
                pending++;
            }
        }
        Report r = new Report(from, now, ids.size(), archived, exempt, violations, pending, queued);
        synchronized (recent) {
            recent.addFirst(r);
            while (recent.size() > 168) { // a week of hourly reports
                recent.removeLast();
            }
        }
        return r;
    }

    public List<Report> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** How long ago the last sweep ended, for the sweep-lag metric (null before the first). */
    public Instant lastRun() {
        synchronized (recent) {
            return recent.isEmpty() ? null : recent.peekFirst().to();
        }
    }
}
