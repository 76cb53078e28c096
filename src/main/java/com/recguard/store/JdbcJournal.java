package com.recguard.store;

import com.recguard.service.Journal;
import com.recguard.service.Outbox;
import com.recguard.service.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The journal of events in the {@code journal} table; a failed event puts its alert in the outbox in the same transaction. */
final class JdbcJournal extends JdbcRepository implements Journal {

    private final JdbcOutbox outbox;

    JdbcJournal(Connection db, boolean sqlite, JdbcOutbox outbox) {
        super(db, sqlite);
        this.outbox = outbox;
    }

    @Override
    public long journal(String source, String topic, String conversationId, String body, EventStatus status, String reason, Instant at) {
        return locked(() -> {
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
        });
    }

    /** Accepted events due for processing and claimed by no node, oldest first. */
    @Override
    public List<Event> dueEvents(Instant now, int limit) {
        return locked(() -> events("WHERE status = 'ACCEPTED' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY id LIMIT ?", now.toEpochMilli(), now.toEpochMilli(), limit));
    }

    /** How many events are due now (claimed or not): the work /ready watches. */
    @Override
    public long countDueEvents(Instant now) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM journal WHERE status = 'ACCEPTED' AND next_attempt_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Event> events(EventStatus status, int limit) {
        return locked(() -> events("WHERE status = ? ORDER BY id LIMIT ?", status.name(), null, limit));
    }

    /** A page of events with this status: ids above {@code after}, oldest first (operator lists). */
    @Override
    public List<Event> events(EventStatus status, long after, int limit) {
        return locked(() -> events("WHERE status = ? AND id > ? ORDER BY id LIMIT ?", status.name(), after, limit));
    }

    /** One journaled event, whatever its status, or null. */
    @Override
    public Event event(long id) {
        return locked(() -> {
            List<Event> found = events("WHERE id = ? LIMIT ?", id, null, 1);
            return found.isEmpty() ? null : found.get(0);
        });
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
    @Override
    public boolean claimEvent(long id, String node, Instant now, Instant until) {
        return locked(() -> update("UPDATE journal SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'ACCEPTED'"
                + " AND (claimed_until IS NULL OR claimed_until < ?)", node, until.toEpochMilli(), id, now.toEpochMilli()) == 1);
    }

    /** Releases the events a node had claimed when it stopped (called when it starts again). */
    @Override
    public int releaseEventClaims(String node) {
        return locked(() -> update("UPDATE journal SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'ACCEPTED'", node));
    }

    /** A retryable failure while gathering facts: try again later (only while this node holds the event). */
    @Override
    public boolean retryEvent(long id, String node, int attempts, Instant next, String reason) {
        return locked(() -> update("UPDATE journal SET attempts = ?, next_attempt_at = ?, reason = ?, claimed_by = NULL, claimed_until = NULL"
                + " WHERE id = ? AND status = 'ACCEPTED' AND claimed_by = ?", attempts, next.toEpochMilli(), reason, id, node) == 1);
    }

    /**
     * Marks an event FAILED with its reason, and puts {@code alert} (when not null) in the outbox in
     * the same transaction, so the operator hears of it once. Only while this node holds the event.
     */
    @Override
    public boolean failEvent(long id, String node, String reason, Outbox.NewItem alert, String conversationId, Instant at) {
        return locked(() -> {
            return inTransaction(() -> {
                if (update("UPDATE journal SET status = 'FAILED', reason = ?, processed_at = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE id = ? AND status = 'ACCEPTED' AND claimed_by = ?", reason, at.toEpochMilli(), id, node) != 1) {
                    return false;
                }
                if (alert != null) {
                    outbox.addItem(conversationId == null ? "" : conversationId, alert, "", "", at);
                }
                return true;
            });
        });
    }

    /** Put a failed or rejected event back in the queue (operator replay). */
    @Override
    public boolean requeueEvent(long id, Instant at) {
        return locked(() -> update("UPDATE journal SET status = 'ACCEPTED', attempts = 0, next_attempt_at = ?, reason = NULL,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status IN ('FAILED', 'REJECTED')", at.toEpochMilli(), id) == 1);
    }

    @Override
    public boolean knows(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM journal WHERE conversation_id = ? AND status <> 'REJECTED'"
                    + " UNION SELECT 1 FROM decisions WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                ps.setString(2, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** When the first accepted event about a conversation arrived (for the time to a final decision). */
    @Override
    public Instant firstEventAt(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT MIN(received_at) FROM journal WHERE conversation_id = ? AND status <> 'REJECTED'")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    long v = rs.next() ? rs.getLong(1) : 0;
                    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
                }
            }
        });
    }
}
