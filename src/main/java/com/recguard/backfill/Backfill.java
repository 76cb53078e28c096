package com.recguard.backfill;

import com.recguard.json.BundleFormatException;
import com.recguard.json.DecisionReader;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.service.ActionException;
import com.recguard.service.ConversationSource;
import com.recguard.service.RecguardService;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-fills an interval: lists the conversations that ended in it through an async query job,
 * gathers each one settled in a fixed pool of {@code concurrency} threads (the Genesys client
 * paces every call to the org's limit, so the pool only bounds how many wait at once), decides it
 * through the service's own path, and checkpoints it. See docs/backfill.md for the design.
 *
 * <p>A conversation the service's store has already decided is not gathered: its stored decision
 * is reported (KNOWN). That is also what makes an {@code --act} run safe to kill between the
 * database commit and the checkpoint line: the resumed run finds the decision and moves on.
 */
public final class Backfill {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    /**
     * @param act          commit decisions and their actions to the service's store (else decide and report only)
     * @param concurrency  conversations gathered at once
     * @param pageSize     results per page of the listing job
     * @param poll         wait between polls of the listing job
     * @param listingLimit how long the listing job may stay queued or pending before the run gives up
     * @param maxAttempts  gathers of one conversation before it is reported failed (retryable failures only)
     * @param backoff      the first wait after a retryable failure; it doubles, and a Retry-After longer than it wins
     */
    public record Settings(Instant from, Instant to, boolean act, int concurrency, int pageSize, Duration poll,
                           Duration listingLimit, int maxAttempts, Duration backoff) {

        public Settings {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("the interval is empty: " + from + " is not before " + to);
            }
            if (concurrency < 1 || pageSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("concurrency, page size and attempts must be at least 1");
            }
        }

        public static Settings of(Instant from, Instant to, boolean act, int concurrency) {
            return new Settings(from, to, act, concurrency, 1000, Duration.ofSeconds(2), Duration.ofMinutes(60), 8,
                    Duration.ofSeconds(1));
        }
    }

    /**
     * What one run did.
     *
     * @param listed      conversations in the interval
     * @param earlier     finished by earlier runs (from the checkpoint), not touched by this one
     * @param decided     gathered and decided by this run
     * @param known       found already decided in the service's store by this run (not gathered)
     * @param failed      failed in this run (gathered again by the next)
     * @param seconds     wall time of the gathering phase of this run
     * @param genesysCalls Genesys API calls this run made, listing included (null when not counted)
     */
    public record Summary(int listed, int earlier, int decided, int known, int failed, double seconds, Long genesysCalls,
                          BackfillReport report) {

        /** Conversations this run finished per second. */
        public double rate() {
            return seconds <= 0 ? 0 : (decided + known) / seconds;
        }
    }

    private final ConversationListing listing;
    private final ConversationSource source;
    private final RecguardService service;
    private final Checkpoint checkpoint;
    private final Settings settings;
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier genesysCalls;
    private volatile boolean stopping;

    /**
     * @param genesysCalls how many Genesys API calls the client has made so far (for the summary), or null
     * @param terminal     stderr is a terminal: redraw one progress line instead of printing one every 10 s
     */
    public Backfill(ConversationListing listing, ConversationSource source, RecguardService service, Checkpoint checkpoint,
                    Settings settings, PrintStream err, boolean terminal, LongSupplier genesysCalls) {
        this.listing = listing;
        this.source = source;
        this.service = service;
        this.checkpoint = checkpoint;
        this.settings = settings;
        this.err = err;
        this.terminal = terminal;
        this.genesysCalls = genesysCalls;
    }

    /** Stops taking new conversations; those in flight finish and are checkpointed (SIGTERM). */
    public void stop() {
        stopping = true;
    }

    public Summary run() throws BackfillException, InterruptedException {
        long calls0 = genesysCalls == null ? 0 : genesysCalls.getAsLong();
        List<ConversationListing.Listed> listed;
        Map<String, Outcome> outcomes;
        try {
            listed = checkpoint.listing(settings.from(), settings.to());
            if (listed == null) {
                listed = list();
                checkpoint.saveListing(settings.from(), settings.to(), listed);
            } else {
                err.println("backfill: resuming; " + listed.size() + " conversations were listed by an earlier run");
            }
            outcomes = checkpoint.outcomes();
        } catch (IOException e) {
            throw new BackfillException("cannot read or write the checkpoint in " + checkpoint.dir() + ": " + e, e);
        } catch (IllegalStateException e) {
            throw new BackfillException(e.getMessage(), e);
        }
        List<ConversationListing.Listed> todo = new ArrayList<>();
        for (ConversationListing.Listed l : listed) {
            Outcome o = outcomes.get(l.conversationId());
            if (o == null || !o.finished()) {
                todo.add(l);
            }
        }
        int earlier = listed.size() - todo.size();
        Progress progress = new Progress(err, terminal, System::nanoTime, 10_000_000_000L, listed.size(), earlier);
        Map<String, Outcome> now = new LinkedHashMap<>();
        AtomicInteger decided = new AtomicInteger();
        AtomicInteger known = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<IOException> checkpointFailure = new AtomicReference<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "backfill-gather");
            t.setDaemon(true);
            return t;
        });
        // at most two conversations queued per thread, so a quarter's listing is not a million queued tasks
        Semaphore room = new Semaphore(settings.concurrency() * 2);
        try {
            for (ConversationListing.Listed l : todo) {
                room.acquire();
                if (stopping || checkpointFailure.get() != null) {
                    room.release();
                    break;
                }
                pool.execute(() -> {
                    try {
                        if (stopping || checkpointFailure.get() != null) {
                            return;
                        }
                        Outcome o = process(l);
                        try {
                            checkpoint.record(o);
                        } catch (IOException e) {
                            checkpointFailure.compareAndSet(null, e);
                            return;
                        }
                        synchronized (now) {
                            now.put(o.conversationId(), o);
                        }
                        (o.status() == Outcome.Status.DECIDED ? decided : o.status() == Outcome.Status.KNOWN ? known : failed)
                                .incrementAndGet();
                        progress.finished(o.finished());
                    } catch (RuntimeException e) {
                        LOG.error("back-fill of {} failed", l.conversationId(), e);
                        failed.incrementAndGet();
                        progress.finished(false);
                    } finally {
                        room.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // work in flight finishes and is checkpointed
            }
            progress.end();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (checkpointFailure.get() != null) {
            throw new BackfillException("cannot write the checkpoint in " + checkpoint.dir() + ": " + checkpointFailure.get()
                    + "; stopped so that no decision goes unrecorded", checkpointFailure.get());
        }
        Map<String, Outcome> all = new LinkedHashMap<>(outcomes);
        all.putAll(now);
        BackfillReport report = BackfillReport.of(settings.from(), settings.to(), settings.act(), listed, all);
        try {
            report.write(checkpoint.dir());
        } catch (IOException e) {
            throw new BackfillException("cannot write the report in " + checkpoint.dir() + ": " + e, e);
        }
        Long calls = genesysCalls == null ? null : genesysCalls.getAsLong() - calls0;
        return new Summary(listed.size(), earlier, decided.get(), known.get(), failed.get(), seconds, calls, report);
    }

    /**
     * Lists the interval: refuses an interval past the date Genesys' analytics data is complete to,
     * submits one job, polls it until FULFILLED, pages it through, and keeps the conversations that
     * ended in [from, to), each once, in order of their end.
     */
    List<ConversationListing.Listed> list() throws BackfillException, InterruptedException {
        Instant available = retrying("asking when analytics data is complete", listing::dataAvailableUntil);
        if (available != null && settings.to().isAfter(available)) {
            throw new BackfillException("Genesys analytics data is complete only up to " + available + " and the interval ends at "
                    + settings.to() + ": a back-fill now would miss conversations. End the interval by " + available
                    + " or run again later");
        }
        String job = retrying("submitting the listing job", () -> listing.submit(settings.from(), settings.to()));
        err.println("backfill: listing job " + job + " submitted for " + settings.from() + "/" + settings.to());
        long deadline = System.nanoTime() + settings.listingLimit().toNanos();
        while (true) {
            ConversationListing.JobState state = retrying("polling listing job " + job, () -> listing.state(job));
            if (state.fulfilled()) {
                break;
            }
            if (!state.waiting()) {
                throw new BackfillException("listing job " + job + " ended " + state.state()
                        + (state.errorMessage() == null ? "" : ": " + state.errorMessage()) + "; run again to submit a new one");
            }
            if (System.nanoTime() > deadline) {
                throw new BackfillException("listing job " + job + " is still " + state.state() + " after "
                        + settings.listingLimit().toMinutes() + " min; run again later");
            }
            Thread.sleep(settings.poll().toMillis());
        }
        Map<String, ConversationListing.Listed> byId = new LinkedHashMap<>();
        String cursor = null;
        do {
            String from = cursor;
            ConversationListing.Page page = retrying("paging listing job " + job, () -> listing.page(job, from, settings.pageSize()));
            for (ConversationListing.Listed l : page.conversations()) {
                if (l.conversationId() != null && l.ended() != null && !l.ended().isBefore(settings.from())
                        && l.ended().isBefore(settings.to())) {
                    byId.putIfAbsent(l.conversationId(), l);
                }
            }
            cursor = page.cursor();
        } while (cursor != null && !cursor.isBlank());
        List<ConversationListing.Listed> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(ConversationListing.Listed::ended).thenComparing(ConversationListing.Listed::conversationId));
        err.println("backfill: " + out.size() + " conversations ended in " + settings.from() + "/" + settings.to());
        return out;
    }

    /** One conversation: its stored decision if the service has one, else gathered settled and decided. */
    private Outcome process(ConversationListing.Listed l) {
        String id = l.conversationId();
        LocalDate day = BackfillReport.dayOf(l.ended());
        String stored = service.store().latestDecision(id);
        if (stored != null) {
            try {
                return Outcome.of(id, day, Outcome.Status.KNOWN, DecisionReader.read(stored));
            } catch (BundleFormatException e) {
                return Outcome.failed(id, day, "the stored decision cannot be read: " + e.getMessage());
            }
        }
        Bundle bundle;
        try {
            // A back-filled conversation is long over: nothing is waited for (POLICY.md 1, settled).
            bundle = retrying("gathering " + id, () -> source.gather(id, l.ended(), service.holds().inForce(), true));
        } catch (BackfillException e) {
            return Outcome.failed(id, day, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(id, day, "interrupted");
        }
        if (settings.act()) {
            RecguardService.Backfilled r = service.decideGathered(id, l.ended(), bundle);
            return r.decision() != null ? Outcome.of(id, day, Outcome.Status.DECIDED, r.decision())
                    : Outcome.failed(id, day, r.failure());
        }
        try {
            Decision d = service.evaluateGathered(id, bundle);
            return Outcome.of(id, day, Outcome.Status.DECIDED, d);
        } catch (BundleFormatException e) {
            return Outcome.failed(id, day, "refused bundle: " + e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed(id, day, "evaluation failed: " + e);
        }
    }

    @FunctionalInterface
    interface GenesysStep<T> {
        T run() throws ActionException;
    }

    /**
     * Runs a step, waiting after each retryable failure (a 429, an outage) for the longer of the
     * Retry-After and a doubling backoff, up to {@code maxAttempts}; a permanent failure ends at once.
     */
    <T> T retrying(String what, GenesysStep<T> step) throws BackfillException, InterruptedException {
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (ActionException e) {
                if (!e.retryable() || attempt >= settings.maxAttempts() || stopping) {
                    throw new BackfillException(what + " failed" + (e.retryable() ? " " + attempt + " times" : "")
                            + ": " + e.getMessage(), e);
                }
                Duration d = e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0 ? e.retryAfter() : wait;
                LOG.debug("{} failed (attempt {}), again in {}: {}", what, attempt, d, e.getMessage());
                Thread.sleep(d.toMillis());
                wait = wait.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : wait.multipliedBy(2);
            }
        }
    }

}
