package com.recguard.service;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleWriter;
import com.recguard.json.DecisionReader;
import com.recguard.json.DecisionWriter;
import com.recguard.json.EventEnvelope;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.service.Journal.EventStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service core. An event is journaled before it is acknowledged; processing gathers the
 * facts, evaluates them with the pack in force, and stores the decision and its actions in one
 * transaction; dispatching runs each action through its handler, retrying with backoff (honouring
 * Retry-After) and moving what keeps failing to the dead-letter list. All state is in the
 * {@link Store}, so a restarted service resumes where it stopped.
 */
public final class RecguardService {

    private static final Logger LOG = LoggerFactory.getLogger(RecguardService.class);

    /**
     * Tunables of retrying, claiming and settling.
     *
     * @param claimFor    how long a node holds an event or an action it took (RECGUARD_CLAIM_SECONDS):
     *                    a crashed node's work is taken over by another after this
     * @param settleFor   how long after its event a conversation is gathered again while its
     *                    decision is provisional (RECGUARD_SETTLE_MINUTES); then it is gathered settled
     * @param settleFirst the first wait before gathering again; it doubles each time
     * @param stallAfter  /ready answers 503 when due work has made no progress for this long
     */
    public record Settings(String node, int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration claimFor, int batch,
                           Duration settleFor, Duration settleFirst, Duration stallAfter, int concurrentActions) {
        public static Settings defaults(String node) {
            return new Settings(node, 8, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(5), 50,
                    Duration.ofMinutes(60), Duration.ofMinutes(1), Duration.ofMinutes(2), 1);
        }

        /**
         * Conversations whose {@link ActionHandler#concurrent() concurrent} actions run at once
         * (RECGUARD_CONCURRENT_ACTIONS; 1, the default: one at a time, as before).
         */
        public Settings withConcurrentActions(int n) {
            return new Settings(node, maxAttempts, baseBackoff, maxBackoff, claimFor, batch, settleFor, settleFirst, stallAfter, n);
        }

        public Settings withClaimFor(Duration d) {
            return new Settings(node, maxAttempts, baseBackoff, maxBackoff, d, batch, settleFor, settleFirst, stallAfter, concurrentActions);
        }

        public Settings withSettleFor(Duration d) {
            return new Settings(node, maxAttempts, baseBackoff, maxBackoff, claimFor, batch, d, settleFirst, stallAfter, concurrentActions);
        }

        public Settings withStallAfter(Duration d) {
            return new Settings(node, maxAttempts, baseBackoff, maxBackoff, claimFor, batch, settleFor, settleFirst, d, concurrentActions);
        }
    }

    /** What happened to an incoming event. */
    public record Intake(long journalId, boolean accepted, String reason, String conversationId) {}

    private final ServiceStore store;
    private final PackHolder packs;
    private final ConversationSource source;
    private final Map<String, List<ActionHandler>> handlersByType = new HashMap<>();
    private final Map<String, ActionHandler> handlersByName = new HashMap<>();
    private final HoldRegister holds;
    private final Clock clock;
    private final ServiceEvents events;
    private final Settings settings;
    private final DecisionLog decisionLog;

    public RecguardService(ServiceStore store, PackHolder packs, ConversationSource source, List<ActionHandler> handlers,
                           HoldRegister holds, DecisionLog decisionLog, Clock clock, ServiceEvents events, Settings settings) {
        this.store = store;
        this.packs = packs;
        this.source = source;
        for (ActionHandler h : handlers) {
            handlersByName.put(h.name(), h);
            h.types().forEach(t -> handlersByType.computeIfAbsent(t, k -> new ArrayList<>()).add(h));
        }
        this.holds = holds;
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
        this.lastPass = clock.instant();
        this.actionPool = settings.concurrentActions() > 1 ? Executors.newFixedThreadPool(settings.concurrentActions(), r -> {
            Thread t = new Thread(r, "recguard-action");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    private final ExecutorService actionPool;

    /**
     * Call once at start-up: events and actions this node had claimed when it last stopped run
     * again now, and the decision log on disk catches up with the chain in the database.
     */
    public int resume() {
        int released = store.releaseClaims(settings.node()) + store.releaseEventClaims(settings.node());
        if (released > 0) {
            LOG.warn("resuming {} events and actions this node ({}) had claimed when it stopped", released, settings.node());
        }
        if (decisionLog != null && decisionLog.last() != null && store.seedLog(decisionLog.last())) {
            LOG.info("decision log chain continues in the database from entry {} of the file", decisionLog.last().seq());
        }
        exportLog();
        return released;
    }

    /**
     * From now on no new event or action is claimed (a pass in flight ends after its current item):
     * the first step of a clean stop.
     */
    public void stopTakingWork() {
        stopping = true;
    }

    /**
     * Releases the events and actions this node still holds, so another node (or this one after a
     * restart) takes them at once instead of after the claim time: the last step of a clean stop.
     */
    public int handBack() {
        int released = store.releaseClaims(settings.node()) + store.releaseEventClaims(settings.node());
        if (released > 0) {
            LOG.warn("handed back {} events and actions this node ({}) had claimed", released, settings.node());
        }
        return released;
    }

    public PackHolder packs() {
        return packs;
    }

    public ServiceStore store() {
        return store;
    }

    public HoldRegister holds() {
        return holds;
    }

    /**
     * Journals an event. A malformed or unauthenticated one is kept too, as REJECTED with the
     * reason, for an operator to inspect and replay.
     */
    public Intake accept(String sourceName, String body, String authProblem) {
        Instant now = clock.instant();
        if (authProblem != null) {
            long id = store.journal(sourceName, null, null, body, EventStatus.REJECTED, authProblem, now);
            events.event("unauthenticated");
            return new Intake(id, false, authProblem, null);
        }
        try {
            EventEnvelope e = EventEnvelope.parse(body);
            long id = store.journal(sourceName, e.topicName(), e.conversationId(), body, EventStatus.ACCEPTED, null, now);
            events.event("accepted");
            return new Intake(id, true, null, e.conversationId());
        } catch (BundleFormatException ex) {
            long id = store.journal(sourceName, null, null, body, EventStatus.REJECTED, ex.getMessage(), now);
            events.event("rejected");
            return new Intake(id, false, ex.getMessage(), null);
        }
    }

    /**
     * Journals an event refused before it could be read (a body that is not UTF-8, say) as
     * REJECTED with the reason; {@code keptBody} is the body in a lossless form, so nothing is lost.
     */
    public Intake refuse(String sourceName, String keptBody, String reason) {
        long id = store.journal(sourceName, null, null, keptBody, EventStatus.REJECTED, reason, clock.instant());
        events.event("rejected");
        return new Intake(id, false, reason, null);
    }

    /** Journals a conversation found by the completeness sweep, as if an event had brought it. */
    public long acceptFromSweep(String conversationId, Instant endedBy) {
        String body = "{\"detail-type\":\"sweep\",\"detail\":{\"topicName\":\"v2.detail.events.conversation." + conversationId
                + ".customer.end\",\"eventBody\":{\"conversationId\":\"" + conversationId + "\",\"eventTime\":"
                + endedBy.toEpochMilli() + "}}}";
        events.event("swept");
        return store.journal("sweep", "sweep", conversationId, body, EventStatus.ACCEPTED, null, clock.instant());
    }

    /**
     * One pass over the journal: each due event this node can claim becomes a decision and outbox
     * entries, or is marked failed with its reason (Kafka Streams' poison-pill handling: one bad
     * conversation never stops the others). Returns how many events this pass claimed.
     */
    public int processDue() {
        Instant now = clock.instant();
        int n = 0;
        for (Journal.Event e : store.dueEvents(now, settings.batch())) {
            if (stopping) {
                break;
            }
            if (!store.claimEvent(e.id(), settings.node(), now, now.plus(settings.claimFor()))) {
                continue; // another node has it
            }
            n++;
            try {
                process(e);
            } catch (RuntimeException ex) {
                fail(e, e.conversationId(), "saving the decision failed: "
                        + (ex instanceof PersistenceException p && p.getCause() != null ? p.getCause() : ex));
            }
        }
        lastPass = clock.instant();
        return n;
    }

    /**
     * Why the service is not ready, or null: due events and no completed processing pass for
     * longer than {@code stallAfter} (a hung source, a broken database).
     */
    public String stalled() {
        Instant now = clock.instant();
        Instant last = lastPass;
        Duration since = Duration.between(last, now);
        if (since.compareTo(settings.stallAfter()) <= 0) {
            return null;
        }
        long due = store.countDueEvents(now);
        return due == 0 ? null : "processing has made no progress for " + since.toSeconds() + " s with " + due
                + " events due (last completed pass at " + last + ")";
    }

    private volatile Instant lastPass;
    private volatile boolean stopping;

    private void process(Journal.Event e) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.parse(e.body());
        } catch (BundleFormatException ex) {
            fail(e, e.conversationId(), "unreadable event: " + ex.getMessage());
            return;
        }
        String id = envelope.conversationId();
        Instant now = clock.instant();
        boolean settled = !now.isBefore(e.receivedAt().plus(settings.settleFor()));
        Bundle bundle;
        try {
            // Past the settle deadline the service has stopped waiting for Genesys (POLICY.md 1, settled).
            bundle = source.gather(id, envelope.eventTime(), holds.inForce(), settled);
        } catch (ActionException ex) {
            int attempts = e.attempts() + 1;
            if (ex.retryable() && attempts < settings.maxAttempts()) {
                store.retryEvent(e.id(), settings.node(), attempts, now.plus(backoff(attempts, ex.retryAfter())), ex.getMessage());
            } else {
                fail(e, id, "gathering facts failed: " + ex.getMessage());
            }
            return;
        } catch (RuntimeException ex) {
            fail(e, id, "gathering facts failed: " + ex);
            return;
        }
        decide(e, id, bundle, now);
    }

    /**
     * Checks, settles, evaluates and commits a gathered bundle for a claimed event: the decision,
     * its outbox entries and its log entry in one transaction. Returns the decision committed, or
     * null when the event failed (its reason kept) or was taken over by another node.
     */
    private Decision decide(Journal.Event e, String id, Bundle bundle, Instant now) {
        String wrong = notAbout(bundle, id);
        if (wrong != null) {
            fail(e, id, wrong);
            return null;
        }
        try {
            // What Genesys gave goes through the same reader as a bundle file: a bundle POLICY.md §1
            // refuses (an end before a start, no conversationEnd…) fails its event, naming the field.
            bundle = com.recguard.json.BundleReader.read(BundleWriter.write(bundle));
        } catch (BundleFormatException ex) {
            fail(e, id, "refused bundle: " + ex.getMessage());
            return null;
        }
        bundle = Settling.prepare(bundle, store.latest(id));
        Decision d;
        try {
            d = packs.evaluator().evaluate(bundle);
        } catch (RuntimeException ex) {
            fail(e, id, "evaluation failed: " + ex);
            return null;
        }
        boolean isFinal = d.isFinal();
        String decisionJson = DecisionWriter.writeCompact(d);
        String bundleJson = BundleWriter.canonical(bundle);
        List<Outbox.NewItem> items = new ArrayList<>();
        for (Action a : d.actions()) {
            if (!isFinal && Settling.FINAL_ONLY.contains(a.type())) {
                continue; // the rules omit these from a provisional decision; never act on one regardless
            }
            // One entry per handler; an action nobody handles still gets one, which dead-letters
            // at once, so an operator sees the gap instead of the action vanishing.
            List<ActionHandler> hs = handlersByType.getOrDefault(a.type(), List.of());
            for (String handler : hs.isEmpty() ? List.of("") : hs.stream().map(ActionHandler::name).toList()) {
                items.add(new Outbox.NewItem(a.type(), handler,
                        d.conversationId() + "|" + a.type() + "|" + a.params() + "|" + handler, describe(a)));
            }
        }
        Instant nextGather = isFinal ? null : Settling.nextGather(now, e.receivedAt(), e.settleRound(), settings);
        DecisionStore.Committed c = store.decided(new DecisionStore.Decided(e.id(), settings.node(), id, d.rulePack(), decisionJson, bundleJson,
                isFinal, items, decisionLog == null ? null : bundleJson, d.firedRules(), nextGather, now));
        if (!c.claimHeld()) {
            LOG.warn("event {} for {} was taken over by another node before this one ({}) committed; its decision is dropped",
                    e.id(), id, settings.node());
            return null;
        }
        exportLog();
        events.decision(d.recording(), !d.violations().isEmpty(), d.legalHold());
        if (isFinal) {
            Instant first = store.firstEventAt(id);
            events.finalDecision(first == null ? Duration.ZERO : Duration.between(first, now));
        } else {
            events.provisionalDecision();
        }
        return d;
    }

    /** What the back-fill made of one conversation it gathered itself. */
    public record Backfilled(Decision decision, long eventId, String failure) {}

    /**
     * The back-fill's way in (docs/backfill.md): a conversation it listed and gathered settled in
     * its own bounded pool is journaled as an event from source {@code backfill}, claimed by this
     * node, and decided exactly as {@link #processDue()} decides, so the decision, its outbox
     * entries (ARCHIVE, holds…) and its log entry land in the one store the service and the console
     * read, and the service's outbox handlers carry the actions out.
     *
     * @return the decision, or the reason it was not taken (a refused bundle: the event is FAILED
     *         and alerted like any other; or a service node claimed the event first and decides it)
     */
    public Backfilled decideGathered(String conversationId, Instant endedAt, Bundle bundle) {
        Instant now = clock.instant();
        String body = "{\"detail-type\":\"backfill\",\"detail\":{\"topicName\":\"v2.detail.events.conversation."
                + conversationId + ".customer.end\",\"eventBody\":{\"conversationId\":\"" + conversationId
                + "\",\"eventTime\":" + endedAt.toEpochMilli() + "}}}";
        long eventId = store.journal("backfill", "backfill", conversationId, body, EventStatus.ACCEPTED, null, now);
        events.event("backfilled");
        if (!store.claimEvent(eventId, settings.node(), now, now.plus(settings.claimFor()))) {
            return new Backfilled(null, eventId, "a service node claimed event " + eventId + " first; it decides "
                    + conversationId);
        }
        Journal.Event e = store.event(eventId);
        try {
            Decision d = decide(e, conversationId, bundle, now);
            return d != null ? new Backfilled(d, eventId, null)
                    : new Backfilled(null, eventId, "not decided; event " + eventId + " is kept as failed for replay");
        } catch (RuntimeException ex) {
            fail(e, conversationId, "saving the decision failed: "
                    + (ex instanceof PersistenceException p && p.getCause() != null ? p.getCause() : ex));
            return new Backfilled(null, eventId, "saving the decision failed: " + ex.getMessage());
        }
    }

    /**
     * What the service would decide for a gathered bundle, committing nothing (the back-fill
     * without {@code --act}): the same checks, settling against the stored decision and pack.
     *
     * @throws BundleFormatException when the bundle is refused as {@link #processDue()} would refuse it
     */
    public Decision evaluateGathered(String conversationId, Bundle bundle) throws BundleFormatException {
        String wrong = notAbout(bundle, conversationId);
        if (wrong != null) {
            throw new BundleFormatException(wrong);
        }
        Bundle read = com.recguard.json.BundleReader.read(BundleWriter.write(bundle));
        return packs.evaluator().evaluate(Settling.prepare(read, store.latest(conversationId)));
    }


    /** Why a gathered bundle is not about the conversation asked for, or null when it is. */
    private static String notAbout(Bundle bundle, String asked) {
        String got = bundle == null || bundle.conversation() == null ? null : bundle.conversation().conversationId();
        if (got == null || got.isBlank()) {
            return "Genesys answered about no conversation (no conversationId in the detail) when asked for " + asked;
        }
        if (!got.equals(asked)) {
            return "Genesys answered about conversation " + got + " when asked for " + asked + "; nothing was filed under either";
        }
        return null;
    }

    /**
     * Marks an event failed with its reason (listed at /events/failed, replayable, counted) and
     * puts one ALERT for it through the alert handlers' outbox, in the same transaction.
     */
    private void fail(Journal.Event e, String conversationId, String reason) {
        List<ActionHandler> alerters = handlersByType.getOrDefault("ALERT", List.of());
        String handler = alerters.isEmpty() ? "" : alerters.get(0).name();
        Outbox.NewItem alert = new Outbox.NewItem("ALERT", handler, "failed-event|" + e.id() + "|" + handler, FAILED + reason);
        if (store.failEvent(e.id(), settings.node(), reason, alert, conversationId, clock.instant())) {
            events.event("failed");
            LOG.error("event {} ({}) failed and is kept for replay: {}", e.id(), conversationId, reason);
        }
    }

    /** The outbox names an alert about a failed event with this prefix and the reason. */
    static final String FAILED = "FAILED ";

    /** Appends to the decision-log file what the database chain has and the file does not. */
    private void exportLog() {
        if (decisionLog == null) {
            return;
        }
        try {
            synchronized (decisionLog) {
                while (true) {
                    long have = decisionLog.last() == null ? 0 : decisionLog.last().seq();
                    List<com.recguard.audit.LogEntry> more = store.logEntriesAfter(have, 500);
                    if (more.isEmpty() || decisionLog.appendAfter(more) == 0) {
                        return;
                    }
                }
            }
        } catch (IOException | PersistenceException ex) {
            // The chain is safe in the database; the file catches up on the next export.
            LOG.error("decision log file behind the database; it catches up after the next decision", ex);
        }
    }

    /**
     * One pass over the outbox: each due action runs once; failures are scheduled or dead-lettered.
     * Actions of {@link ActionHandler#concurrent() concurrent} handlers (the archive) run on a
     * bounded pool, several conversations at once, while the others run here one by one; the
     * actions of one conversation stay in order on one thread. Each is claimed just before it
     * runs, never while it waits, so a claim cannot lapse in the queue. The pass returns when all
     * have ended; interrupted (a stop that outlasted its bound), it interrupts them and returns.
     */
    public int dispatchDue() {
        Map<String, List<Outbox.Item>> concurrent = new LinkedHashMap<>();
        List<Outbox.Item> inline = new ArrayList<>();
        for (Outbox.Item item : store.dueItems(clock.instant(), settings.batch())) {
            ActionHandler h = handlersByName.get(item.handler());
            if (actionPool != null && h != null && h.concurrent() && !item.action().startsWith(FAILED)) {
                concurrent.computeIfAbsent(item.conversationId(), k -> new ArrayList<>()).add(item);
            } else {
                inline.add(item);
            }
        }
        AtomicInteger n = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        CountDownLatch ended = new CountDownLatch(concurrent.size());
        for (List<Outbox.Item> items : concurrent.values()) {
            running.add(actionPool.submit(() -> {
                try {
                    for (Outbox.Item item : items) {
                        if (!stopping && !Thread.currentThread().isInterrupted() && claimAndDispatch(item)) {
                            n.incrementAndGet();
                        }
                    }
                } finally {
                    ended.countDown();
                }
            }));
        }
        try {
            for (Outbox.Item item : inline) {
                if (stopping) {
                    break;
                }
                if (claimAndDispatch(item)) {
                    n.incrementAndGet();
                }
            }
        } finally {
            awaitAll(running, ended);
        }
        return n.get();
    }

    private boolean claimAndDispatch(Outbox.Item item) {
        Instant now = clock.instant();
        if (!store.claim(item.id(), settings.node(), now, now.plus(settings.claimFor()))) {
            return false; // another node has it
        }
        dispatch(item);
        return true;
    }

    /**
     * Waits for every action of the pass; rethrows the first failure of the outbox itself.
     * Interrupted, it interrupts them and gives them half a second to end (as the runner gives its
     * own threads), so that claims are handed back after the actions have stopped, not under them.
     */
    private static void awaitAll(List<Future<?>> running, CountDownLatch ended) {
        RuntimeException first = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                running.forEach(x -> x.cancel(true));
                try {
                    ended.await(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException again) {
                    // stopping anyway
                }
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void dispatch(Outbox.Item item) {
        ActionHandler handler = handlersByName.get(item.handler());
        int attempts = item.attempts() + 1;
        if (handler == null) {
            store.dead(item.id(), attempts, "no handler is configured for " + item.type(), clock.instant());
            events.action(item.type(), "dead", Duration.ZERO);
            return;
        }
        Instant started = clock.instant();
        if (item.action().startsWith(FAILED)) {
            try {
                handler.failed(item.conversationId(), item.action().substring(FAILED.length()));
                store.done(item.id(), clock.instant());
                events.action(item.type(), "done", Duration.between(started, clock.instant()));
            } catch (PersistenceException ex) {
                throw ex; // the outbox itself failed: the claim lapses and the entry runs again
            } catch (ActionException | RuntimeException ex) {
                boolean again = ex instanceof ActionException ae && ae.retryable() && attempts < settings.maxAttempts();
                if (again) {
                    store.retry(item.id(), attempts, clock.instant().plus(backoff(attempts, ((ActionException) ex).retryAfter())),
                            ex.getMessage(), clock.instant());
                } else {
                    store.dead(item.id(), attempts, String.valueOf(ex.getMessage()), clock.instant());
                }
                events.action(item.type(), again ? "retry" : "dead", Duration.between(started, clock.instant()));
            }
            return;
        }
        try {
            Decision d = DecisionReader.read(item.decisionJson());
            Bundle b = com.recguard.json.BundleReader.read(item.bundleJson());
            Action a = d.actions().stream().filter(x -> describe(x).equals(item.action())).findFirst()
                    .orElseThrow(() -> ActionException.permanent("action not found in its decision", null));
            handler.execute(new ActionTask(a, d, b));
            store.done(item.id(), clock.instant());
            events.action(item.type(), "done", Duration.between(started, clock.instant()));
        } catch (ActionException ex) {
            if (ex.retryable() && attempts < settings.maxAttempts()) {
                store.retry(item.id(), attempts, clock.instant().plus(backoff(attempts, ex.retryAfter())), ex.getMessage(), clock.instant());
                events.action(item.type(), "retry", Duration.between(started, clock.instant()));
            } else {
                store.dead(item.id(), attempts, ex.getMessage(), clock.instant());
                events.action(item.type(), "dead", Duration.between(started, clock.instant()));
                LOG.error("action {} for {} moved to the dead-letter list after {} attempts: {}",
                        item.type(), item.conversationId(), attempts, ex.getMessage());
            }
        } catch (PersistenceException ex) {
            throw ex; // the outbox itself failed: the claim lapses and the entry runs again
        } catch (BundleFormatException | RuntimeException ex) {
            store.dead(item.id(), attempts, "cannot run: " + ex, clock.instant());
            events.action(item.type(), "dead", Duration.between(started, clock.instant()));
            LOG.error("action {} for {} cannot run", item.type(), item.conversationId(), ex);
        }
    }

    /** Exponential backoff with jitter, never shorter than what the server asked for. */
    Duration backoff(int attempts, Duration retryAfter) {
        long base = settings.baseBackoff().toMillis() << Math.min(20, attempts - 1);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration d = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
    }

    /** How an outbox entry names its action within the decision. */
    private static String describe(Action a) {
        return a.type() + " " + a.params();
    }
}
