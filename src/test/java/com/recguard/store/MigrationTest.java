package com.recguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by the build before versioned migrations (its DDL copied here verbatim) is
 * recognised, upgraded with the new columns, and keeps its rows; one migrated by a newer build is
 * refused.
 */
class MigrationTest {

    @TempDir
    Path tmp;

    /** Store.migrate() of main before issue 15, SQLite flavour. */
    static void createTodaysSchema(Connection c) throws Exception {
        String id = "INTEGER PRIMARY KEY AUTOINCREMENT";
        try (var st = c.createStatement()) {
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
            st.execute("INSERT INTO journal (source, topic, conversation_id, body, status, received_at, next_attempt_at)"
                    + " VALUES ('http', 't', 'c-old', '{}', 'ACCEPTED', 1, 1)");
            st.execute("INSERT INTO decisions (conversation_id, rule_pack, decision, bundle, decided_at)"
                    + " VALUES ('c-done', 'sha256:old', '{\"conversationId\":\"c-done\"}', '{}', 1)");
        }
    }

    static List<String> columns(Connection c, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    @Test
    void a_database_made_before_migrations_is_upgraded_and_keeps_its_rows() throws Exception {
        String url = "jdbc:sqlite:" + tmp.resolve("old.db");
        try (Connection c = DriverManager.getConnection(url)) {
            createTodaysSchema(c);
        }

        try (Store s = Store.open(url)) {
            assertThat(s.latestDecision("c-done")).isEqualTo("{\"conversationId\":\"c-done\"}");
            assertThat(s.dueEvents(Instant.ofEpochMilli(2), 10)).singleElement()
                    .satisfies(e -> assertThat(e.conversationId()).isEqualTo("c-old"));
            assertThat(s.claimEvent(1, "node-1", Instant.ofEpochMilli(2), Instant.ofEpochMilli(1000))).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(columns(c, "journal")).contains("claimed_by", "claimed_until", "settle_round");
            assertThat(columns(c, "decisions")).contains("is_final");
            assertThat(columns(c, "decision_log")).contains("seq", "input_hash", "prev_hash", "hash");
            List<String> history = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT version, description FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rs.next()) {
                    history.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(history).containsExactly("0 schema made before versioned migrations", "1 init",
                    "2 event claims decision log settling", "3 console read side");
        }
        try (Store again = Store.open(url)) {
            assertThat(again.latestDecision("c-done")).as("opening again changes nothing").isNotNull();
        }
    }

    @Test
    void a_new_database_is_created_at_the_newest_version() throws Exception {
        String url = "jdbc:sqlite:" + tmp.resolve("new.db");
        try (Store s = Store.open(url)) {
            assertThat(s.dueEvents(Instant.EPOCH, 10)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(version) FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("3");
        }
    }

    @Test
    void a_database_migrated_by_a_newer_build_is_refused_with_the_reason() throws Exception {
        String url = "jdbc:sqlite:" + tmp.resolve("newer.db");
        Store.open(url).close();
        try (Connection c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 0, 1)");
        }
        assertThatThrownBy(() -> Store.open(url)).isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining("schema is at version 99").hasMessageContaining("newer than this build knows (up to 3)");
    }
}
