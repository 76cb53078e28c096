package com.recguard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import com.recguard.audit.LogEntry;
import com.recguard.service.PersistenceException;
import com.recguard.service.ServiceStore;

/**
 * The service's durable state: the journal of events (kept before they are acknowledged, rejected
 * ones included), the decisions, and the outbox of actions. SQLite file by default; the SQL is
 * plain enough for PostgreSQL, where several nodes share the outbox through conditional claims.
 *
 * <p>One connection, used under this object's lock: SQLite has a single writer anyway, and the
 * service's throughput is bounded by the outside systems, not by this store.
 */
public final class Store implements ServiceStore, AutoCloseable {

    private final Connection db;
    private final boolean sqlite;

    private Store(Connection db, boolean sqlite) {
        this.db = db;
        this.sqlite = sqlite;
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
            return new Store(c, sqlite);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    // ---- journal

    public synchronized long journal(String source, String topic, String conversationId, String body, EventStatus status, String reason, Instant at) {
        try {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO journal (source, topic, conversation_id, body, status,"
                    + " reason, received_at, next_attempt_at) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, source);
                ps.setString(2, topic);
                ps.setString(3, conversationId);
                ps.setString(4, body);
                ps.setString(5, status.name());
                ps.setString(6, reason);
                ps.setLong(7, at.toEpochMilli());
                ps.setLong(8, at.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Accepted events due for processing and claimed by no node, oldest first. */
    public synchronized List<Event> dueEvents(Instant now, int limit) {
        try {
            return events("WHERE status = 'ACCEPTED' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                    + " ORDER BY id LIMIT ?", now.toEpochMilli(), now.toEpochMilli(), limit);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** How many events are due now (claimed or not): the work /ready watches. */
    public synchronized long countDueEvents(Instant now) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM journal WHERE status = 'ACCEPTED' AND next_attempt_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized List<Event> events(EventStatus status, int limit) {
        try {
            return events("WHERE status = ? ORDER BY id LIMIT ?", status.name(), null, limit);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** A page of events with this status: ids above {@code after}, oldest first (operator lists). */
    public synchronized List<Event> events(EventStatus status, long after, int limit) {
        try {
            return events("WHERE status = ? AND id > ? ORDER BY id LIMIT ?", status.name(), after, limit);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** One journaled event, whatever its status, or null. */
    public synchronized Event event(long id) {
        try {
            List<Event> found = events("WHERE id = ? LIMIT ?", id, null, 1);
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private List<Event> events(String where, Object a, Object b, int limit) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id, source, topic, conversation_id, body, status, reason,"
                + " received_at, attempts, next_attempt_at, settle_round FROM journal " + where)) {
            int i = 1;
            ps.setObject(i++, a);
            if (b != null) {
                ps.setObject(i++, b);
            }
            ps.setInt(i, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            EventStatus.valueOf(rs.getString(6)), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                            rs.getInt(9), Instant.ofEpochMilli(rs.getLong(10)), rs.getInt(11)));
                }
            }
            return out;
        }
    }

    /**
     * Claims an event for this node until {@code until}, like {@link #claim} for outbox entries:
     * false when another node holds it or it is no longer waiting. Across any number of nodes one
     * node decides an event; a crashed node's claim expires at {@code until}.
     */
    public synchronized boolean claimEvent(long id, String node, Instant now, Instant until) {
        try {
            return update("UPDATE journal SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'ACCEPTED'"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)", node, until.toEpochMilli(), id, now.toEpochMilli()) == 1;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Releases the events a node had claimed when it stopped (called when it starts again). */
    public synchronized int releaseEventClaims(String node) {
        try {
            return update("UPDATE journal SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'ACCEPTED'", node);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** A retryable failure while gathering facts: try again later (only while this node holds the event). */
    public synchronized boolean retryEvent(long id, String node, int attempts, Instant next, String reason) {
        try {
            return update("UPDATE journal SET attempts = ?, next_attempt_at = ?, reason = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE id = ? AND status = 'ACCEPTED' AND claimed_by = ?", attempts, next.toEpochMilli(), reason, id, node) == 1;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Marks an event FAILED with its reason, and puts {@code alert} (when not null) in the outbox in
     * the same transaction, so the operator hears of it once. Only while this node holds the event.
     */
    public synchronized boolean failEvent(long id, String node, String reason, NewItem alert, String conversationId, Instant at) {
        try {
            return inTransaction(() -> {
                if (update("UPDATE journal SET status = 'FAILED', reason = ?, processed_at = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE id = ? AND status = 'ACCEPTED' AND claimed_by = ?", reason, at.toEpochMilli(), id, node) != 1) {
                    return false;
                }
                if (alert != null) {
                    addItem(conversationId == null ? "" : conversationId, alert, "", "", at);
                }
                return true;
            });
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Put a failed or rejected event back in the queue (operator replay). */
    public synchronized boolean requeueEvent(long id, Instant at) {
        try {
            return update("UPDATE journal SET status = 'ACCEPTED', attempts = 0, next_attempt_at = ?, reason = NULL,"
                    + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status IN ('FAILED', 'REJECTED')", at.toEpochMilli(), id) == 1;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized boolean knows(String conversationId) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM journal WHERE conversation_id = ? AND status <> 'REJECTED'"
                    + " UNION SELECT 1 FROM decisions WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                ps.setString(2, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** When the first accepted event about a conversation arrived (for the time to a final decision). */
    public synchronized Instant firstEventAt(String conversationId) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT MIN(received_at) FROM journal WHERE conversation_id = ? AND status <> 'REJECTED'")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    long v = rs.next() ? rs.getLong(1) : 0;
                    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** For tests and tools: decides an event as a node named "local", final, with no log entry. */
    public synchronized int decided(long eventId, String conversationId, String rulePack, String decisionJson, String bundleJson, List<NewItem> items, Instant at) {
        claimEvent(eventId, "local", at, at.plusSeconds(60));
        return decided(new Decided(eventId, "local", conversationId, rulePack, decisionJson, bundleJson, true, items, null,
                List.of(), null, at)).added();
    }

    /**
     * Records a decision, its actions and its decision-log entry, and marks the event processed
     * (final) or schedules its next gather (provisional), in one transaction: a crash leaves all of
     * it or none. Nothing is written unless this node still holds the event, so across nodes each
     * event is decided once. An action already in the outbox (same key) is not added again. The
     * log's chain is extended under a lock for the whole deployment (PostgreSQL: a table lock;
     * SQLite: the single writer), so every node appends to one chain.
     */
    public synchronized Committed decided(Decided d) {
        try {
            return inTransaction(() -> {
                long at = d.at().toEpochMilli();
                int held = d.isFinal()
                        ? update("UPDATE journal SET status = 'PROCESSED', processed_at = ?, reason = NULL, claimed_by = NULL,"
                                + " claimed_until = NULL WHERE id = ? AND status = 'ACCEPTED' AND claimed_by = ?", at, d.eventId(), d.node())
                        : update("UPDATE journal SET next_attempt_at = ?, settle_round = settle_round + 1, attempts = 0,"
                                + " reason = 'provisional: gathered again until the recordings settle', claimed_by = NULL,"
                                + " claimed_until = NULL WHERE id = ? AND status = 'ACCEPTED' AND claimed_by = ?",
                                d.nextGatherAt().toEpochMilli(), d.eventId(), d.node());
                if (held != 1) {
                    return new Committed(false, 0, null);
                }
                update("INSERT INTO decisions (conversation_id, rule_pack, decision, bundle, decided_at, is_final) VALUES (?,?,?,?,?,?)",
                        d.conversationId(), d.rulePack(), d.decisionJson(), d.bundleJson(), at, d.isFinal() ? 1 : 0);
                int added = 0;
                for (NewItem item : d.items()) {
                    added += addItem(d.conversationId(), item, d.decisionJson(), d.bundleJson(), d.at());
                }
                LogEntry entry = null;
                if (d.logInput() != null) {
                    if (!sqlite) {
                        try (Statement st = db.createStatement()) {
                            st.execute("LOCK TABLE decision_log IN EXCLUSIVE MODE");
                        }
                    }
                    entry = LogEntry.next(lastLogEntry(), d.logInput(), d.rulePack(), d.firedRules(), d.decisionJson());
                    insertLog(d.conversationId(), entry);
                }
                return new Committed(true, added, entry);
            });
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private int addItem(String conversationId, NewItem item, String decisionJson, String bundleJson, Instant at) throws SQLException {
        return update("INSERT INTO outbox (conversation_id, type, handler, action_key, decision, bundle, action, status,"
                + " next_attempt_at, updated_at) VALUES (?,?,?,?,?,?,?,'PENDING',?,?) ON CONFLICT (action_key) DO NOTHING",
                conversationId, item.type(), item.handler(), item.key(), decisionJson, bundleJson, item.action(),
                at.toEpochMilli(), at.toEpochMilli());
    }

    // ---- decision log (the chain; DecisionLogFile exports it after commit)

    private void insertLog(String conversationId, LogEntry e) throws SQLException {
        update("INSERT INTO decision_log (seq, conversation_id, input_hash, rule_pack, fired_rules, input, decision, prev_hash, hash)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", e.seq(), conversationId, e.inputHash(), e.rulePack(),
                String.join("\n", e.firedRules()), e.input(), e.decision(), e.prevHash(), e.hash());
    }

    private LogEntry lastLogEntry() throws SQLException {
        List<LogEntry> last = logEntries("ORDER BY seq DESC LIMIT 1", null);
        return last.isEmpty() ? null : last.get(0);
    }

    /** Log entries after {@code seq}, in order, at most {@code limit}. */
    public synchronized List<LogEntry> logEntriesAfter(long seq, int limit) {
        try {
            return logEntries("WHERE seq > ? ORDER BY seq LIMIT " + limit, seq);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Continues a chain that so far lived only in a file: when the table is empty, the file's last
     * entry becomes its head, so the next entry links to it. Returns whether it was seeded.
     */
    public synchronized boolean seedLog(LogEntry fileHead) {
        try {
            return inTransaction(() -> {
                if (lastLogEntry() != null) {
                    return false;
                }
                insertLog("", fileHead);
                return true;
            });
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private List<LogEntry> logEntries(String tail, Object arg) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT seq, input_hash, rule_pack, fired_rules, input, decision, prev_hash, hash"
                + " FROM decision_log " + tail)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            List<LogEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fired = rs.getString(4);
                    out.add(new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            fired.isEmpty() ? List.of() : List.of(fired.split("\n")), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    public synchronized String latestDecision(String conversationId) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT decision FROM decisions WHERE conversation_id = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Conversations decided for a month (yyyy-MM of the conversation start in UTC, as the rules'
     * Call fact has it) that a staff member took, with the first such user. Read from the stored
     * bundles, so no Genesys call is needed.
     */
    public synchronized List<Staffed> staffedConversations(String month) {
        try {
            List<Staffed> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT DISTINCT conversation_id, bundle FROM decisions")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Staffed s = staffed(rs.getString(1), rs.getString(2), month);
                        if (s != null) {
                            out.add(s);
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static Staffed staffed(String conversationId, String bundleJson, String month) {
        try {
            var c = com.recguard.json.BundleReader.read(bundleJson).conversation();
            if (c.conversationStart() == null
                    || !java.time.YearMonth.from(c.conversationStart().atOffset(java.time.ZoneOffset.UTC)).toString().equals(month)) {
                return null;
            }
            return c.participants().stream()
                    .filter(p -> p.role() == com.recguard.model.Participant.Role.STAFF && p.userId() != null)
                    .map(com.recguard.model.Participant::userId).sorted().findFirst()
                    .map(agent -> new Staffed(conversationId, agent)).orElse(null);
        } catch (com.recguard.json.BundleFormatException e) {
            return null;
        }
    }

    public synchronized String calibrationOf(String conversationId) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT calibration_id FROM calibrations WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized void calibrated(String month, String conversationId, String calibrationId) {
        try {
            update("INSERT INTO calibrations (conversation_id, month, calibration_id) VALUES (?,?,?)", conversationId, month, calibrationId);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Calibration ids by month, months in order. */
    public synchronized java.util.SortedMap<String, List<String>> calibrationsByMonth() {
        try {
            java.util.SortedMap<String, List<String>> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT month, calibration_id FROM calibrations ORDER BY month, calibration_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    // ---- outbox

    public synchronized List<Item> dueItems(Instant now, int limit) {
        try {
            return items("WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                    + " ORDER BY id LIMIT ?", now.toEpochMilli(), now.toEpochMilli(), limit);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized List<Item> items(ItemStatus status) {
        try {
            return items("WHERE status = ? ORDER BY id LIMIT ?", status.name(), null, 10_000);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** A page of outbox entries with this status: ids above {@code after}, oldest first (operator lists). */
    public synchronized List<Item> items(ItemStatus status, long after, int limit) {
        try {
            return items("WHERE status = ? AND id > ? ORDER BY id LIMIT ?", status.name(), after, limit);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** The latest decision for a conversation with the bundle it was made from, or null. */

    public synchronized StoredDecision latest(String conversationId) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT decision, bundle, is_final FROM decisions WHERE conversation_id = ?"
                    + " ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new StoredDecision(rs.getString(1), rs.getString(2), rs.getInt(3) == 1) : null;
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private List<Item> items(String where, Object a, Object b, int limit) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id, conversation_id, type, handler, action_key, decision, bundle, action,"
                + " status, attempts, next_attempt_at, last_error FROM outbox " + where)) {
            int i = 1;
            ps.setObject(i++, a);
            if (b != null) {
                ps.setObject(i++, b);
            }
            ps.setInt(i, limit);
            List<Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), ItemStatus.valueOf(rs.getString(9)),
                            rs.getInt(10), Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12)));
                }
            }
            return out;
        }
    }

    /**
     * Claims an item for this node until {@code until}; false when another node holds it. The
     * conditional UPDATE is atomic in SQLite and PostgreSQL alike, so two nodes never run the
     * same action at once (a crashed node's claim simply expires).
     */
    public synchronized boolean claim(long id, String node, Instant now, Instant until) {
        try {
            return update("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'PENDING'"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)", node, until.toEpochMilli(), id, now.toEpochMilli()) == 1;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Releases the claims a node held when it stopped: called when that node starts again, so its
     * unfinished actions run at once instead of after the claim expires.
     */
    public synchronized int releaseClaims(String node) {
        try {
            return update("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'PENDING'", node);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized void done(long id, Instant at) {
        try {
            update("UPDATE outbox SET status = 'DONE', claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ?", at.toEpochMilli(), id);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized void retry(long id, int attempts, Instant next, String error, Instant at) {
        try {
            update("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL,"
                    + " updated_at = ? WHERE id = ?", attempts, next.toEpochMilli(), error, at.toEpochMilli(), id);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized void dead(long id, int attempts, String error, Instant at) {
        try {
            update("UPDATE outbox SET status = 'DEAD', attempts = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL,"
                    + " updated_at = ? WHERE id = ?", attempts, error, at.toEpochMilli(), id);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** An operator sends a dead action back to the outbox. */
    public synchronized boolean replay(long id, Instant at) {
        try {
            return update("UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?"
                    + " WHERE id = ? AND status = 'DEAD'", at.toEpochMilli(), at.toEpochMilli(), id) == 1;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public synchronized long count(String table, String status) {
        try {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status = ?")) {
                ps.setString(1, status);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
