-- Issue 11 (the console): what the console filters and counts by, kept beside each conversation's
-- latest decision so no page has to parse stored decision JSON. Filled in the transaction that saves
-- a decision (JdbcDecisions.decided, the one path live processing and back-filling both take).
-- Rows for decisions saved before this version are written when the store opens
-- (JdbcConsole.backfill): parsing decision JSON in SQL differs between SQLite and PostgreSQL, and
-- the Java reader is the one every other part of recguard trusts.
--
-- conversation_summary: one row per conversation, from its latest decision.
--   agents: the staff user ids of the conversation, sorted, each between spaces (" u1 u2 "), so an
--   agent filter is one LIKE '% id %' on both databases.
CREATE TABLE conversation_summary (conversation_id TEXT PRIMARY KEY, decision_id BIGINT NOT NULL,
    decided_at BIGINT NOT NULL, conversation_start BIGINT, is_final INTEGER NOT NULL, recording TEXT NOT NULL,
    consent TEXT, residency_zone TEXT, archive_region TEXT, legal_hold INTEGER NOT NULL,
    archive_asked INTEGER NOT NULL, agents TEXT NOT NULL, violations INTEGER NOT NULL);
CREATE INDEX conversation_summary_decided ON conversation_summary (decided_at);
-- open_violations: the violations of each conversation's latest decision (replaced when it is decided again).
CREATE TABLE open_violations (conversation_id TEXT NOT NULL, code TEXT NOT NULL, rule TEXT NOT NULL,
    detail TEXT, residency_zone TEXT, agents TEXT NOT NULL, conversation_start BIGINT, decided_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, code, rule));
CREATE INDEX open_violations_code ON open_violations (code, conversation_start);
CREATE INDEX open_violations_start ON open_violations (conversation_start);
-- conversation_holds: each hold reason of each conversation's latest decision ("HOLD:LH-44", "PHRASE:…").
CREATE TABLE conversation_holds (conversation_id TEXT NOT NULL, hold_reason TEXT NOT NULL,
    PRIMARY KEY (conversation_id, hold_reason));
CREATE INDEX conversation_holds_reason ON conversation_holds (hold_reason);
-- The console's completeness chart groups the journal by conversation and time.
CREATE INDEX journal_conversation_received ON journal (conversation_id, received_at);
