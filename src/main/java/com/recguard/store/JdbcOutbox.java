package com.recguard.store;

import com.recguard.service.Outbox;
import com.recguard.service.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The outbox of actions in the {@code outbox} table. */
final class JdbcOutbox extends JdbcRepository implements Outbox {

    JdbcOutbox(Connection db, boolean sqlite) {
        super(db, sqlite);
    }

    int addItem(String conversationId, NewItem item, String decisionJson, String bundleJson, Instant at) throws SQLException {
        return update("INSERT INTO outbox (conversation_id, type, handler, action_key, decision, bundle, action, status,"
                + " next_attempt_at, updated_at) VALUES (?,?,?,?,?,?,?,'PENDING',?,?) ON CONFLICT (action_key) DO NOTHING",
                conversationId, item.type(), item.handler(), item.key(), decisionJson, bundleJson, item.action(),
                at.toEpochMilli(), at.toEpochMilli());
    }

    @Override
    public List<Item> dueItems(Instant now, int limit) {
        return locked(() -> items("WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY id LIMIT ?", now.toEpochMilli(), now.toEpochMilli(), limit));
    }

    @Override
    public List<Item> items(ItemStatus status) {
        return locked(() -> items("WHERE status = ? ORDER BY id LIMIT ?", status.name(), null, 10_000));
    }

    /** A page of outbox entries with this status: ids above {@code after}, oldest first (operator lists). */
    @Override
    public List<Item> items(ItemStatus status, long after, int limit) {
        return locked(() -> items("WHERE status = ? AND id > ? ORDER BY id LIMIT ?", status.name(), after, limit));
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
    @Override
    public boolean claim(long id, String node, Instant now, Instant until) {
        return locked(() -> update("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'PENDING'"
                + " AND (claimed_until IS NULL OR claimed_until < ?)", node, until.toEpochMilli(), id, now.toEpochMilli()) == 1);
    }

    /**
     * Releases the claims a node held when it stopped: called when that node starts again, so its
     * unfinished actions run at once instead of after the claim expires.
     */
    @Override
    public int releaseClaims(String node) {
        return locked(() -> update("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND status = 'PENDING'", node));
    }

    @Override
    public void done(long id, Instant at) {
        lockedDo(() -> {
            update("UPDATE outbox SET status = 'DONE', claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ?", at.toEpochMilli(), id);
        });
    }

    @Override
    public void retry(long id, int attempts, Instant next, String error, Instant at) {
        lockedDo(() -> {
            update("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL,"
                    + " updated_at = ? WHERE id = ?", attempts, next.toEpochMilli(), error, at.toEpochMilli(), id);
        });
    }

    @Override
    public void dead(long id, int attempts, String error, Instant at) {
        lockedDo(() -> {
            update("UPDATE outbox SET status = 'DEAD', attempts = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL,"
                    + " updated_at = ? WHERE id = ?", attempts, error, at.toEpochMilli(), id);
        });
    }

    /** An operator sends a dead action back to the outbox. */
    @Override
    public boolean replay(long id, Instant at) {
        return locked(() -> update("UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND status = 'DEAD'", at.toEpochMilli(), at.toEpochMilli(), id) == 1);
    }
}
