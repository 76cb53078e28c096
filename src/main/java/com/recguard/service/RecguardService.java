package com.recguard.service;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleWriter;
import com.recguard.json.DecisionLogFile;
import com.recguard.json.DecisionReader;
import com.recguard.json.DecisionWriter;
import com.recguard.json.EventEnvelope;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.store.Store;
import com.recguard.store.Store.EventStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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

    /** Tunables of retrying and claiming. */
    public record Settings(String node, int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration claimFor, int batch) {
        public static Settings defaults(String node) {
            return new Settings(node, 8, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(5), 50);
        }
    }

    /** What happened to an incoming event. */
    public record Intake(long journalId, boolean accepted, String reason, String conversationId) {}

    private final Store store;
    private final PackHolder packs;
    private final ConversationSource source;
    private final Map<String, List<ActionHandler>> handlersByType = new HashMap<>();
    private final Map<String, ActionHandler> handlersByName = new HashMap<>();
    private final HoldRegister holds;
    private final Clock clock;
    private final ServiceEvents events;
    private final Settings settings;
    private final DecisionLogFile decisionLog;

    public RecguardService(Store store, PackHolder packs, ConversationSource source, List<ActionHandler> handlers,
                           HoldRegister holds, DecisionLogFile decisionLog, Clock clock, ServiceEvents events, Settings settings) {
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
    }

    /** Call once at start-up: actions this node had claimed when it last stopped run again now. */
    public int resume() throws SQLException {
        int released = store.releaseClaims(settings.node());
        if (released > 0) {
            LOG.warn("resuming {} actions this node ({}) had claimed when it stopped", released, settings.node());
        }
        return released;
    }

    public PackHolder packs() {
        return packs;
    }

    public Store store() {
        return store;
    }

    public HoldRegister holds() {
        return holds;
    }

    /**
     * Journals an event. A malformed or unauthenticated one is kept too, as REJECTED with the
     * reason, for an operator to inspect and replay.
     */
    public Intake accept(String sourceName, String body, String authProblem) throws SQLException {
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
    public Intake refuse(String sourceName, String keptBody, String reason) throws SQLException {
        long id = store.journal(sourceName, null, null, keptBody, EventStatus.REJECTED, reason, clock.instant());
        events.event("rejected");
        return new Intake(id, false, reason, null);
    }

    /** Journals a conversation found by the completeness sweep, as if an event had brought it. */
    public long acceptFromSweep(String conversationId, Instant endedBy) throws SQLException {
        String body = "{\"detail-type\":\"sweep\",\"detail\":{\"topicName\":\"v2.detail.events.conversation." + conversationId
                + ".customer.end\",\"eventBody\":{\"conversationId\":\"" + conversationId + "\",\"eventTime\":"
                + endedBy.toEpochMilli() + "}}}";
        events.event("swept");
        return store.journal("sweep", "sweep", conversationId, body, EventStatus.ACCEPTED, null, clock.instant());
    }

    /** One pass over the journal: each due event becomes a decision and outbox entries. */
    public int processDue() throws SQLException {
        int n = 0;
        for (Store.Event e : store.dueEvents(clock.instant(), settings.batch())) {
            process(e);
            n++;
        }
        return n;
    }

    private void process(Store.Event e) throws SQLException {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.parse(e.body());
        } catch (BundleFormatException ex) {
            store.failEvent(e.id(), ex.getMessage(), clock.instant());
            return;
        }
        Bundle bundle;
        try {
            bundle = source.gather(envelope.conversationId(), envelope.eventTime(), holds.inForce());
        } catch (ActionException ex) {
            int attempts = e.attempts() + 1;
            if (ex.retryable() && attempts < settings.maxAttempts()) {
                store.retryEvent(e.id(), attempts, clock.instant().plus(backoff(attempts, ex.retryAfter())), ex.getMessage());
            } else {
                store.failEvent(e.id(), "gathering facts failed: " + ex.getMessage(), clock.instant());
                events.event("failed");
            }
            return;
        }
        Evaluator evaluator = packs.evaluator();
        Decision d = evaluator.evaluate(bundle);
        String decisionJson = DecisionWriter.writeCompact(d);
        String bundleJson = BundleWriter.write(bundle);
        List<Store.NewItem> items = new ArrayList<>();
        for (Action a : d.actions()) {
            // One entry per handler; an action nobody handles still gets one, which dead-letters
            // at once, so an operator sees the gap instead of the action vanishing.
            List<ActionHandler> hs = handlersByType.getOrDefault(a.type(), List.of());
            for (String handler : hs.isEmpty() ? List.of("") : hs.stream().map(ActionHandler::name).toList()) {
                items.add(new Store.NewItem(a.type(), handler,
                        d.conversationId() + "|" + a.type() + "|" + a.params() + "|" + handler, describe(a)));
            }
        }
        if (decisionLog != null) {
            try {
                decisionLog.append(bundleJson, d.rulePack(), d.firedRules(), decisionJson);
            } catch (IOException ex) {
                // The decision must not be stored without its audit entry: leave the event for a retry.
                store.retryEvent(e.id(), e.attempts() + 1, clock.instant().plus(backoff(e.attempts() + 1, null)),
                        "decision log: " + ex.getMessage());
                return;
            }
        }
        store.decided(e.id(), d.conversationId(), d.rulePack(), decisionJson, bundleJson, items, clock.instant());
        events.decision(d.recording(), !d.violations().isEmpty(), d.legalHold());
    }

    /** One pass over the outbox: each due action runs once; failures are scheduled or dead-lettered. */
    public int dispatchDue() throws SQLException {
        int n = 0;
        Instant now = clock.instant();
        for (Store.Item item : store.dueItems(now, settings.batch())) {
            if (!store.claim(item.id(), settings.node(), now, now.plus(settings.claimFor()))) {
                continue; // another node has it
            }
            dispatch(item);
            n++;
        }
        return n;
    }

    private void dispatch(Store.Item item) throws SQLException {
        ActionHandler handler = handlersByName.get(item.handler());
        int attempts = item.attempts() + 1;
        if (handler == null) {
            store.dead(item.id(), attempts, "no handler is configured for " + item.type(), clock.instant());
            events.action(item.type(), "dead", Duration.ZERO);
            return;
        }
        Instant started = clock.instant();
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
