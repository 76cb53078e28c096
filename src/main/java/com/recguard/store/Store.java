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

/**
 * The service's durable state: the journal of events (kept before they are acknowledged, rejected
 * ones included), the decisions, and the outbox of actions. SQLite file by default; the SQL is
 * plain enough for PostgreSQL, where several nodes share the outbox through conditional claims.
 *
 * <p>One connection, used under this object's lock: SQLite has a single writer anyway, and the
 * service's throughput is bounded by the outside systems, not by this store.
 */
public final class Store implements AutoCloseable {

    public enum EventStatus { ACCEPTED, REJECTED, PROCESSED, FAILED }

    public enum ItemStatus { PENDING, DONE, DEAD }

    public record Event(long id, String source, String topic, String conversationId, String body, EventStatus status,
                        String reason, Instant receivedAt, int attempts, Instant nextAttemptAt) {}

    public record Item(long id, String conversationId, String type, String handler, String key, String decisionJson, String bundleJson,
                       String action, ItemStatus status, int attempts, Instant nextAttemptAt, String lastError) {}

    /** A decided conversation with the agent who took it (for the calibration set). */
    public record Staffed(String conversationId, String agentUserId) {}

    /** An action to put in the outbox: its type, the handler that runs it, its idempotency key, and how it is named within its decision. */
    public record NewItem(String type, String handler, String key, String action) {}

    private final Connection db;
    private final boolean sqlite;

    private Store(Connection db, boolean sqlite) {
        this.db = db;
        this.sqlite = sqlite;
    }

    /** @param jdbcUrl e.g. {@code jdbc:sqlite:var/recguard.db} or {@code jdbc:postgresql://host/db?user=…} */
    public static Store open(String jdbcUrl) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        Store s = new Store(c, sqlite);
        s.migrate();
        return s;
    }

    private void migrate() throws SQLException {
        String id = sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
        try (Statement st = db.createStatement()) {
            if (sqlite) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA busy_timeout=5000");
            }
            st.execute("CREATE TABLE IF NOT EXISTS journal (id " + id + ", source TEXT NOT NULL, topic TEXT,"
                    + " conversation_id TEXT, body TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,"
                    + " received_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT,"
                    + " processed_at BIGINT)");
            st.execute("CREATE INDEX IF NOT EXISTS journal_status ON journal (status, next_attempt_at)");
            st.execute("CREATE INDEX IF NOT EXISTS journal_conversation ON journal (conversation_id)");
            st.execute("CREATE TABLE IF NOT EXISTS decisions (id " + id + ", conversation_id TEXT NOT NULL,"
                    + " rule_pack TEXT NOT NULL, decision TEXT NOT NULL, bundle TEXT NOT NULL, decided_at BIGINT NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS decisions_conversation ON decisions (conversation_id)");
            st.execute("CREATE TABLE IF NOT EXISTS outbox (id " + id + ", conversation_id TEXT NOT NULL, type TEXT NOT NULL,"
                    + " handler TEXT NOT NULL,"
                    + " action_key TEXT NOT NULL UNIQUE, decision TEXT NOT NULL, bundle TEXT NOT NULL, action TEXT NOT NULL,"
                    + " status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL,"
                    + " claimed_by TEXT, claimed_until BIGINT, last_error TEXT, updated_at BIGINT NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at)");
            st.execute("CREATE TABLE IF NOT EXISTS calibrations (conversation_id TEXT PRIMARY KEY, month TEXT NOT NULL,"
                    + " calibration_id TEXT NOT NULL)");
        }
    }

    // ---- journal

    public synchronized long journal(String source, String topic, String conversationId, String body,
                                     EventStatus status, String reason, Instant at) throws SQLException {
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
    }

    /** Accepted events due for processing, oldest first. */
    public synchronized List<Event> dueEvents(Instant now, int limit) throws SQLException {
        return events("WHERE status = 'ACCEPTED' AND next_attempt_at <= ? ORDER BY id LIMIT ?", now.toEpochMilli(), limit);
    }

    public synchronized List<Event> events(EventStatus status, int limit) throws SQLException {
        return events("WHERE status = ? ORDER BY id LIMIT ?", status.name(), limit);
    }

    /** A page of events with this status: ids above {@code after}, oldest first (operator lists). */
    public synchronized List<Event> events(EventStatus status, long after, int limit) throws SQLException {
        // after is a long, so writing it into the statement cannot inject anything.
        return events("WHERE status = ? AND id > " + after + " ORDER BY id LIMIT ?", status.name(), limit);
    }

    /** One journaled event, whatever its status, or null. */
    public synchronized Event event(long id) throws SQLException {
        List<Event> found = events("WHERE id = ? LIMIT ?", id, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Event> events(String where, Object arg, int limit) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id, source, topic, conversation_id, body, status, reason,"
                + " received_at, attempts, next_attempt_at FROM journal " + where)) {
            ps.setObject(1, arg);
            ps.setInt(2, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            EventStatus.valueOf(rs.getString(6)), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                            rs.getInt(9), Instant.ofEpochMilli(rs.getLong(10))));
                }
            }
            return out;
        }
    }

    /** A retryable failure while gathering facts: try again later. */
    public synchronized void retryEvent(long id, int attempts, Instant next, String reason) throws SQLException {
        update("UPDATE journal SET attempts = ?, next_attempt_at = ?, reason = ? WHERE id = ?", attempts, next.toEpochMilli(), reason, id);
    }

    public synchronized void failEvent(long id, String reason, Instant at) throws SQLException {
        update("UPDATE journal SET status = 'FAILED', reason = ?, processed_at = ? WHERE id = ?", reason, at.toEpochMilli(), id);
    }

    /** Put a failed or rejected event back in the queue (operator replay). */
    public synchronized boolean requeueEvent(long id, Instant at) throws SQLException {
        return update("UPDATE journal SET status = 'ACCEPTED', attempts = 0, next_attempt_at = ?, reason = NULL"
                + " WHERE id = ? AND status IN ('FAILED', 'REJECTED')", at.toEpochMilli(), id) == 1;
    }

    public synchronized boolean knows(String conversationId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM journal WHERE conversation_id = ? AND status <> 'REJECTED'"
                + " UNION SELECT 1 FROM decisions WHERE conversation_id = ?")) {
            ps.setString(1, conversationId);
            ps.setString(2, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Records a decision and its actions and marks the event processed, in one transaction: a
     * crash leaves either all of it or none. An action already in the outbox (same key) is not
     * added again, so re-processing an event duplicates nothing.
     */
    public synchronized int decided(long eventId, String conversationId, String rulePack, String decisionJson,
                                    String bundleJson, List<NewItem> items, Instant at) throws SQLException {
        db.setAutoCommit(false);
        try {
            update("INSERT INTO decisions (conversation_id, rule_pack, decision, bundle, decided_at) VALUES (?,?,?,?,?)",
                    conversationId, rulePack, decisionJson, bundleJson, at.toEpochMilli());
            int added = 0;
            for (NewItem item : items) {
                added += update("INSERT INTO outbox (conversation_id, type, handler, action_key, decision, bundle, action, status,"
                        + " next_attempt_at, updated_at) VALUES (?,?,?,?,?,?,?,'PENDING',?,?) ON CONFLICT (action_key) DO NOTHING",
                        conversationId, item.type(), item.handler(), item.key(), decisionJson, bundleJson, item.action(), at.toEpochMilli(), at.toEpochMilli());
            }
            update("UPDATE journal SET status = 'PROCESSED', processed_at = ? WHERE id = ?", at.toEpochMilli(), eventId);
            db.commit();
            return added;
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    public synchronized String latestDecision(String conversationId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT decision FROM decisions WHERE conversation_id = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Conversations decided for a month (yyyy-MM of the conversation start in UTC, as the rules'
     * Call fact has it) that a staff member took, with the first such user. Read from the stored
     * bundles, so no Genesys call is needed.
     */
    public synchronized List<Staffed> staffedConversations(String month) throws SQLException {
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

    public synchronized String calibrationOf(String conversationId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT calibration_id FROM calibrations WHERE conversation_id = ?")) {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public synchronized void calibrated(String month, String conversationId, String calibrationId) throws SQLException {
        update("INSERT INTO calibrations (conversation_id, month, calibration_id) VALUES (?,?,?)", conversationId, month, calibrationId);
    }

    /** Calibration ids by month, months in order. */
    public synchronized java.util.SortedMap<String, List<String>> calibrationsByMonth() throws SQLException {
        java.util.SortedMap<String, List<String>> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT month, calibration_id FROM calibrations ORDER BY month, calibration_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    // ---- outbox

    public synchronized List<Item> dueItems(Instant now, int limit) throws SQLException {
        return items("WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY id LIMIT ?", now.toEpochMilli(), now.toEpochMilli(), limit);
    }

    public synchronized List<Item> items(ItemStatus status) throws SQLException {
        return items("WHERE status = ? ORDER BY id LIMIT ?", status.name(), null, 10_000);
    }

    /** A page of outbox entries with this status: ids above {@code after}, oldest first (operator lists). */
    public synchronized List<Item> items(ItemStatus status, long after, int limit) throws SQLException {
        return items("WHERE status = ? AND id > ? ORDER BY id LIMIT ?", status.name(), after, limit);
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
    public synchronized boolean claim(long id, String node, Instant now, Instant until) throws SQLException {
        return update("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'PENDING'"
                + " AND (claimed_until IS NULL OR claimed_until < ?)", node, until.toEpochMilli(), id, now.toEpochMilli()) == 1;
    }

    /**
     * Releases the claims a node held when it stopped: called when that node starts again, so its
     * unfinished actions run at once instead of after the claim expires.
     */
    public synchronized int releaseClaims(String node) throws SQLException {
        return update("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'PENDING'", node);
    }

    public synchronized void done(long id, Instant at) throws SQLException {
        update("UPDATE outbox SET status = 'DONE', claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ?", at.toEpochMilli(), id);
    }

    public synchronized void retry(long id, int attempts, Instant next, String error, Instant at) throws SQLException {
        update("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL,"
                + " updated_at = ? WHERE id = ?", attempts, next.toEpochMilli(), error, at.toEpochMilli(), id);
    }

    public synchronized void dead(long id, int attempts, String error, Instant at) throws SQLException {
        update("UPDATE outbox SET status = 'DEAD', attempts = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL,"
                + " updated_at = ? WHERE id = ?", attempts, error, at.toEpochMilli(), id);
    }

    /** An operator sends a dead action back to the outbox. */
    public synchronized boolean replay(long id, Instant at) throws SQLException {
        return update("UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND status = 'DEAD'", at.toEpochMilli(), at.toEpochMilli(), id) == 1;
    }

    public synchronized long count(String table, String status) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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
    public synchronized void close() throws SQLException {
        db.close();
    }
}
