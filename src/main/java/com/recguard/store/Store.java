package com.recguard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import com.recguard.audit.LogEntry;
import com.recguard.service.ConsoleQueries;
import com.recguard.service.PersistenceException;
import com.recguard.service.ServiceStore;

/**
 * The service's durable state: the journal of events (kept before they are acknowledged, rejected
 * ones included), the decisions, and the outbox of actions. SQLite file by default; the SQL is
 * plain enough for PostgreSQL, where several nodes share the outbox through conditional claims.
 *
 * <p>Each port has its repository ({@link JdbcJournal}, {@link JdbcOutbox}, {@link JdbcDecisions});
 * this class opens the database, migrates it, and hands each call to the repository that keeps it.
 * One connection, shared by the repositories under its own lock.
 */
public final class Store extends JdbcRepository implements ServiceStore, AutoCloseable {

    private final JdbcOutbox outbox;
    private final JdbcJournal journal;
    private final JdbcDecisions decisions;
    private final JdbcConsole console;

    private Store(Connection db, boolean sqlite) {
        super(db, sqlite);
        this.outbox = new JdbcOutbox(db, sqlite);
        this.journal = new JdbcJournal(db, sqlite, outbox);
        this.console = new JdbcConsole(db, sqlite);
        this.decisions = new JdbcDecisions(db, sqlite, outbox, console);
    }

    /**
     * The console's read side (counts and pages computed in the database). Its summary of
     * decisions saved before schema version 3 is written when the store opens.
     */
    public ConsoleQueries console() {
        return console;
    }

    /**
     * Opens the database and brings its schema to the newest version this build knows
     * (Flyway, {@code db/migration}). A database made before versioned migrations is baselined at
     * version 0 and upgraded; one at a version newer than this build knows is refused.
     *
     * @param jdbcUrl e.g. {@code jdbc:sqlite:var/recguard.db} or {@code jdbc:postgresql://host/db?user=…}
     * @throws SchemaTooNewException when a newer build has migrated the database
     */
    public static Store open(String jdbcUrl) {
        try {
            boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
            Properties props = new Properties();
            if (sqlite) {
                // Several connections may write one file (tests run two nodes on it): take the write
                // lock when a transaction begins, so a read-then-write transaction never fails to upgrade.
                props.setProperty("transaction_mode", "IMMEDIATE");
                props.setProperty("busy_timeout", "5000");
            }
            Connection c = DriverManager.getConnection(jdbcUrl, props);
            if (sqlite) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                    st.execute("PRAGMA synchronous=FULL");
                    st.execute("PRAGMA busy_timeout=5000");
                }
            }
            try {
                Migrations.migrate(jdbcUrl, sqlite);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            Store store = new Store(c, sqlite);
            try {
                store.console.backfill();
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    // ---- the ports, each kept by its repository

    @Override
    public long journal(String source, String topic, String conversationId, String body, EventStatus status, String reason, Instant at) {
        return journal.journal(source, topic, conversationId, body, status, reason, at);
    }

    @Override
    public List<Event> dueEvents(Instant now, int limit) {
        return journal.dueEvents(now, limit);
    }

    @Override
    public long countDueEvents(Instant now) {
        return journal.countDueEvents(now);
    }

    @Override
    public List<Event> events(EventStatus status, int limit) {
        return journal.events(status, limit);
    }

    @Override
    public List<Event> events(EventStatus status, long after, int limit) {
        return journal.events(status, after, limit);
    }

    @Override
    public Event event(long id) {
        return journal.event(id);
    }

    @Override
    public boolean claimEvent(long id, String node, Instant now, Instant until) {
        return journal.claimEvent(id, node, now, until);
    }

    @Override
    public int releaseEventClaims(String node) {
        return journal.releaseEventClaims(node);
    }

    @Override
    public boolean retryEvent(long id, String node, int attempts, Instant next, String reason) {
        return journal.retryEvent(id, node, attempts, next, reason);
    }

    @Override
    public boolean failEvent(long id, String node, String reason, NewItem alert, String conversationId, Instant at) {
        return journal.failEvent(id, node, reason, alert, conversationId, at);
    }

    @Override
    public boolean requeueEvent(long id, Instant at) {
        return journal.requeueEvent(id, at);
    }

    @Override
    public boolean knows(String conversationId) {
        return journal.knows(conversationId);
    }

    @Override
    public Instant firstEventAt(String conversationId) {
        return journal.firstEventAt(conversationId);
    }

    @Override
    public Committed decided(Decided d) {
        return decisions.decided(d);
    }

    @Override
    public List<LogEntry> logEntriesAfter(long seq, int limit) {
        return decisions.logEntriesAfter(seq, limit);
    }

    @Override
    public boolean seedLog(LogEntry fileHead) {
        return decisions.seedLog(fileHead);
    }

    @Override
    public String latestDecision(String conversationId) {
        return decisions.latestDecision(conversationId);
    }

    @Override
    public List<Staffed> staffedConversations(String month) {
        return decisions.staffedConversations(month);
    }

    @Override
    public String calibrationOf(String conversationId) {
        return decisions.calibrationOf(conversationId);
    }

    @Override
    public void calibrated(String month, String conversationId, String calibrationId) {
        decisions.calibrated(month, conversationId, calibrationId);
    }

    @Override
    public java.util.SortedMap<String, List<String>> calibrationsByMonth() {
        return decisions.calibrationsByMonth();
    }

    @Override
    public List<Item> dueItems(Instant now, int limit) {
        return outbox.dueItems(now, limit);
    }

    @Override
    public List<Item> items(ItemStatus status) {
        return outbox.items(status);
    }

    @Override
    public List<Item> items(ItemStatus status, long after, int limit) {
        return outbox.items(status, after, limit);
    }

    @Override
    public StoredDecision latest(String conversationId) {
        return decisions.latest(conversationId);
    }

    @Override
    public boolean claim(long id, String node, Instant now, Instant until) {
        return outbox.claim(id, node, now, until);
    }

    @Override
    public int releaseClaims(String node) {
        return outbox.releaseClaims(node);
    }

    @Override
    public void done(long id, Instant at) {
        outbox.done(id, at);
    }

    @Override
    public void retry(long id, int attempts, Instant next, String error, Instant at) {
        outbox.retry(id, attempts, next, error, at);
    }

    @Override
    public void dead(long id, int attempts, String error, Instant at) {
        outbox.dead(id, attempts, error, at);
    }

    @Override
    public boolean replay(long id, Instant at) {
        return outbox.replay(id, at);
    }

    /** For tests and tools: decides an event as a node named "local", final, with no log entry. */
    public int decided(long eventId, String conversationId, String rulePack, String decisionJson, String bundleJson, List<NewItem> items, Instant at) {
        synchronized (db) {
            claimEvent(eventId, "local", at, at.plusSeconds(60));
            return decided(new Decided(eventId, "local", conversationId, rulePack, decisionJson, bundleJson, true, items, null,
                    List.of(), null, at)).added();
        }
    }

    @Override
    public long count(String table, String status) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status = ?")) {
                ps.setString(1, status);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        lockedDo(() -> {
            db.close();
        });
    }
}
