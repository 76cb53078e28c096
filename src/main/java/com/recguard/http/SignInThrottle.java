package com.recguard.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refused console sign-ins per client address: after {@code limit} refusals within
 * {@code window}, that address may not try again until the oldest of them leaves the window.
 * Tokens are long and random, so guessing one is hopeless anyway; this keeps a script from
 * trying at the speed of the network, and keeps the log of refusals readable.
 */
final class SignInThrottle {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> refusals = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this(clock, LIMIT, WINDOW);
    }

    SignInThrottle(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** How long {@code address} must wait before its next try; zero when it may try now. */
    Duration waitFor(String address) {
        Instant now = clock.instant();
        Deque<Instant> recent = refusals.get(address);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            prune(recent, now);
            return recent.size() < limit ? Duration.ZERO : Duration.between(now, recent.peekFirst().plus(window));
        }
    }

    /** Counts a refused sign-in from {@code address}. */
    void refused(String address) {
        Instant now = clock.instant();
        Deque<Instant> recent = refusals.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
        // Addresses whose refusals have all left the window are forgotten, so the map stays small.
        refusals.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }
}
