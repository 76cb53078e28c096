package com.recguard.store;

import com.recguard.audit.LogEntry;
import com.recguard.service.DecisionStore;
import com.recguard.service.Outbox;
import com.recguard.service.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Decisions, the decision-log chain and calibrations. A decision commits its event, its outbox
 * entries, its log entry and the console's summary of it ({@link JdbcConsole}) in one transaction on the connection all repositories share.
 */
final class JdbcDecisions extends JdbcRepository implements DecisionStore {

    private final JdbcOutbox outbox;
    private final JdbcConsole console;

    JdbcDecisions(Connection db, boolean sqlite, JdbcOutbox outbox, JdbcConsole console) {
        super(db, sqlite);
        this.outbox = outbox;
        this.console = console;
    }

    /**
     * Records a decision, its actions and its decision-log entry, and marks the event processed
     * (final) or schedules its next gather (provisional), in one transaction: a crash leaves all of
     * it or none. Nothing is written unless this node still holds the event, so across nodes each
     * event is decided once. An action already in the outbox (same key) is not added again. The
     * log's chain is extended under a lock for the whole deployment (PostgreSQL: a table lock;
     * SQLite: the single writer), so every node appends to one chain.
     */
    @Override
    public Committed decided(Decided d) {
        return locked(() -> {
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
                long decisionId = insertDecision(d, at);
                console.summarise(decisionId, d.conversationId(), d.decisionJson(), d.bundleJson(), at, d.isFinal());
                int added = 0;
                for (Outbox.NewItem item : d.items()) {
                    added += outbox.addItem(d.conversationId(), item, d.decisionJson(), d.bundleJson(), d.at());
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
        });
    }

    /** Inserts the decision row and returns its id (the console's summary points at it). */
    private long insertDecision(Decided d, long at) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO decisions (conversation_id, rule_pack, decision, bundle, decided_at,"
                + " is_final) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.conversationId());
            ps.setString(2, d.rulePack());
            ps.setString(3, d.decisionJson());
            ps.setString(4, d.bundleJson());
            ps.setLong(5, at);
            ps.setInt(6, d.isFinal() ? 1 : 0);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the decision it saved");
                }
                return keys.getLong(1);
            }
        }
    }

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
    @Override
    public List<LogEntry> logEntriesAfter(long seq, int limit) {
        return locked(() -> logEntries("WHERE seq > ? ORDER BY seq LIMIT " + limit, seq));
    }

    /**
     * Continues a chain that so far lived only in a file: when the table is empty, the file's last
     * entry becomes its head, so the next entry links to it. Returns whether it was seeded.
     */
    @Override
    public boolean seedLog(LogEntry fileHead) {
        return locked(() -> {
            return inTransaction(() -> {
                if (lastLogEntry() != null) {
                    return false;
                }
                insertLog("", fileHead);
                return true;
            });
        });
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

    @Override
    public String latestDecision(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT decision FROM decisions WHERE conversation_id = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /**
     * Conversations decided for a month (yyyy-MM of the conversation start in UTC, as the rules'
     * Call fact has it) that a staff member took, with the first such user. Read from the stored
     * bundles, so no Genesys call is needed.
     */
    @Override
    public List<Staffed> staffedConversations(String month) {
        return locked(() -> {
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
        });
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

    @Override
    public String calibrationOf(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT calibration_id FROM calibrations WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Override
    public void calibrated(String month, String conversationId, String calibrationId) {
        lockedDo(() -> {
            update("INSERT INTO calibrations (conversation_id, month, calibration_id) VALUES (?,?,?)", conversationId, month, calibrationId);
        });
    }

    /** Calibration ids by month, months in order. */
    @Override
    public java.util.SortedMap<String, List<String>> calibrationsByMonth() {
        return locked(() -> {
            java.util.SortedMap<String, List<String>> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT month, calibration_id FROM calibrations ORDER BY month, calibration_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return out;
        });
    }

    /** The latest decision for a conversation with the bundle it was made from, or null. */

    @Override
    public StoredDecision latest(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT decision, bundle, is_final FROM decisions WHERE conversation_id = ?"
                    + " ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new StoredDecision(rs.getString(1), rs.getString(2), rs.getInt(3) == 1) : null;
                }
            }
        });
    }
}
