package com.recguard.store;

import com.recguard.audit.LogEntry;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.json.DecisionReader;
import com.recguard.model.Decision;
import com.recguard.model.Participant;
import com.recguard.model.Violation;
import com.recguard.service.ConsoleQueries;
import com.recguard.service.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's read side (V3): a summary of each conversation's latest decision, its open
 * violations and hold reasons, written by {@link JdbcDecisions} in the decision's transaction, and
 * the queries the console pages make over them. Every list is paged in SQL and every count is an
 * aggregate in SQL.
 */
final class JdbcConsole extends JdbcRepository implements ConsoleQueries {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConsole.class);
    private static final int BACKFILL_BATCH = 500;

    JdbcConsole(Connection db, boolean sqlite) {
        super(db, sqlite);
    }

    /** What the summary keeps of a decision and its bundle. */
    private record Facts(Decision decision, Instant start, String agents) {}

    private static Facts facts(String conversationId, String decisionJson, String bundleJson) {
        Decision d;
        try {
            d = DecisionReader.read(decisionJson);
        } catch (BundleFormatException e) {
            throw new PersistenceException("the decision for " + conversationId + " cannot be read back for the console summary: "
                    + e.getMessage());
        }
        Instant start = null;
        TreeSet<String> agents = new TreeSet<>();
        try {
            var c = BundleReader.read(bundleJson).conversation();
            start = c.conversationStart();
            c.participants().stream().filter(p -> p.role() == Participant.Role.STAFF && p.userId() != null)
                    .map(Participant::userId).forEach(agents::add);
        } catch (BundleFormatException e) {
            // A bundle the reader refuses still had a decision: keep it, without start and agents.
            LOG.warn("bundle of {} unreadable for the console summary: {}", conversationId, e.getMessage());
        }
        return new Facts(d, start, agents.isEmpty() ? " " : " " + String.join(" ", agents) + " ");
    }

    /**
     * Replaces the conversation's summary, open violations and hold reasons with those of this
     * decision. The caller holds the lock and the transaction (the decision's own).
     */
    void summarise(long decisionId, String conversationId, String decisionJson, String bundleJson, long decidedAt, boolean isFinal)
            throws SQLException {
        summarise(decisionId, conversationId, facts(conversationId, decisionJson, bundleJson), decidedAt, isFinal);
    }

    private void summarise(long decisionId, String conversationId, Facts f, long decidedAt, boolean isFinal) throws SQLException {
        Decision d = f.decision();
        Long start = f.start() == null ? null : f.start().toEpochMilli();
        update("DELETE FROM conversation_summary WHERE conversation_id = ?", conversationId);
        update("DELETE FROM open_violations WHERE conversation_id = ?", conversationId);
        update("DELETE FROM conversation_holds WHERE conversation_id = ?", conversationId);
        update("INSERT INTO conversation_summary (conversation_id, decision_id, decided_at, conversation_start, is_final, recording,"
                + " consent, residency_zone, archive_region, legal_hold, archive_asked, agents, violations)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", conversationId, decisionId, decidedAt, start, isFinal ? 1 : 0,
                d.recording() == null ? "" : d.recording(), d.consent(), d.residencyZone(), d.archiveRegion(), d.legalHold() ? 1 : 0,
                d.actions().stream().anyMatch(a -> a.type().equals("ARCHIVE")) ? 1 : 0, f.agents(), d.violations().size());
        TreeSet<String> seen = new TreeSet<>();
        for (Violation v : d.violations()) {
            if (seen.add(v.code() + "\n" + v.rule())) {
                update("INSERT INTO open_violations (conversation_id, code, rule, detail, residency_zone, agents, conversation_start,"
                        + " decided_at) VALUES (?,?,?,?,?,?,?,?)", conversationId, String.valueOf(v.code()), v.rule() == null ? "" : v.rule(), v.detail(),
                        d.residencyZone(), f.agents(), start, decidedAt);
            }
        }
        for (String reason : new TreeSet<>(d.holdReasons())) {
            update("INSERT INTO conversation_holds (conversation_id, hold_reason) VALUES (?,?)", conversationId, reason);
        }
    }

    /**
     * Summarises the latest decision of every conversation that has none yet: the decisions saved
     * before V3 (and only those, so a second start finds nothing to do). In batches of 500, each
     * its own transaction, by decision id, so a large database is never read at once.
     *
     * @return how many conversations were summarised
     */
    int backfill() {
        int total = 0;
        long after = 0;
        while (true) {
            record Row(long id, String conversationId, String decision, String bundle, long at, boolean isFinal) {}
            long from = after;
            List<Row> batch = locked(() -> {
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement ps = db.prepareStatement("SELECT d.id, d.conversation_id, d.decision, d.bundle, d.decided_at,"
                        + " d.is_final FROM decisions d WHERE d.id > ?"
                        + " AND d.id = (SELECT MAX(d2.id) FROM decisions d2 WHERE d2.conversation_id = d.conversation_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM conversation_summary s WHERE s.conversation_id = d.conversation_id)"
                        + " ORDER BY d.id LIMIT " + BACKFILL_BATCH)) {
                    ps.setLong(1, from);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                    rs.getInt(6) == 1));
                        }
                    }
                }
                return rows;
            });
            if (batch.isEmpty()) {
                break;
            }
            List<Row> readable = new ArrayList<>();
            List<Facts> facts = new ArrayList<>();
            for (Row r : batch) {
                try {
                    facts.add(facts(r.conversationId(), r.decision(), r.bundle()));
                    readable.add(r);
                } catch (PersistenceException e) {
                    // Not a decision this build can read (an early build's row): left out of the console, not fatal.
                    LOG.warn("decision {} left out of the console summary: {}", r.id(), e.getMessage());
                }
            }
            lockedDo(() -> inTransaction(() -> {
                for (int i = 0; i < readable.size(); i++) {
                    Row r = readable.get(i);
                    summarise(r.id(), r.conversationId(), facts.get(i), r.at(), r.isFinal());
                }
                return null;
            }));
            total += readable.size();
            after = batch.get(batch.size() - 1).id();
        }
        if (total > 0) {
            LOG.info("console summary back-filled for {} conversations decided before schema version 3", total);
        }
        return total;
    }

    @Override
    public List<Bucket> completeness(Span span, Instant from, Instant to) {
        return locked(() -> {
            // The span is one of two constants, written into the SQL so both databases group by one expression.
            String sql = "SELECT j.bucket, COUNT(*),"
                    + " SUM(CASE WHEN s.is_final = 1 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN s.is_final = 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = j.conversation_id"
                    + "   AND o.type = 'ARCHIVE' AND o.status = 'DONE') THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN s.recording = 'EXEMPT' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN s.violations > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN s.conversation_id IS NULL THEN 1 ELSE 0 END)"
                    + " FROM (SELECT conversation_id, (MIN(received_at) / " + span.millis + ") * " + span.millis + " AS bucket"
                    + "   FROM journal WHERE conversation_id IS NOT NULL AND status <> 'REJECTED' GROUP BY conversation_id"
                    + "   HAVING MIN(received_at) >= ? AND MIN(received_at) < ?) j"
                    + " LEFT JOIN conversation_summary s ON s.conversation_id = j.conversation_id"
                    + " GROUP BY j.bucket ORDER BY j.bucket";
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                List<Bucket> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Bucket(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<OpenViolation> openViolations(ViolationFilter f, int offset, int limit) {
        return locked(() -> {
            StringBuilder sql = new StringBuilder("SELECT conversation_id, code, rule, detail, residency_zone, agents,"
                    + " conversation_start, decided_at FROM open_violations WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (present(f.code())) {
                sql.append(" AND code = ?");
                args.add(f.code().strip());
            }
            if (present(f.zone())) {
                sql.append(" AND residency_zone = ?");
                args.add(f.zone().strip());
            }
            if (present(f.agent())) {
                sql.append(" AND agents LIKE ? ESCAPE '!'");
                args.add("% " + f.agent().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + " %");
            }
            if (f.from() != null) {
                sql.append(" AND conversation_start >= ?");
                args.add(f.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            if (f.to() != null) {
                sql.append(" AND conversation_start < ?");
                args.add(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            sql.append(" ORDER BY conversation_start DESC, conversation_id, code, rule LIMIT ? OFFSET ?");
            args.add(limit);
            args.add(offset);
            try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<OpenViolation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long startMillis = rs.getLong(7);
                        Instant start = rs.wasNull() ? null : Instant.ofEpochMilli(startMillis);
                        out.add(new OpenViolation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6).strip(), start,
                                Instant.ofEpochMilli(rs.getLong(8))));
                    }
                }
                return out;
            }
        });
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public List<String> openViolationCodes() {
        return strings("SELECT DISTINCT code FROM open_violations ORDER BY code");
    }

    @Override
    public List<String> openViolationZones() {
        return strings("SELECT DISTINCT residency_zone FROM open_violations WHERE residency_zone IS NOT NULL ORDER BY residency_zone");
    }

    private List<String> strings(String sql) {
        return locked(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public List<ActionState> actionsOf(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT id, type, handler, status, attempts, last_error, updated_at"
                    + " FROM outbox WHERE conversation_id = ? ORDER BY id LIMIT 200")) {
                ps.setString(1, conversationId);
                List<ActionState> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ActionState(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public LogEntry latestLogEntry(String conversationId) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT seq, input_hash, rule_pack, fired_rules, prev_hash, hash"
                    + " FROM decision_log WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    String fired = rs.getString(4);
                    // The input (the bundle) and the decision stay out: the page shows the decision already.
                    return new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            fired.isEmpty() ? List.of() : List.of(fired.split("\n")), null, null, rs.getString(5), rs.getString(6));
                }
            }
        });
    }

    @Override
    public long heldBy(String holdReason) {
        return locked(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM conversation_holds WHERE hold_reason = ?")) {
                ps.setString(1, holdReason);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
