-- The schema of the first service build, before versioned migrations (recguard 0.1, issue 15).
-- IF NOT EXISTS throughout: a database that build made is baselined at version 0 and this script
-- then finds every table already there, so it is recorded as version 1 without changing anything.
-- ${serial} is "INTEGER PRIMARY KEY AUTOINCREMENT" on SQLite and "BIGSERIAL PRIMARY KEY" on PostgreSQL.
CREATE TABLE IF NOT EXISTS journal (id ${serial}, source TEXT NOT NULL, topic TEXT,
    conversation_id TEXT, body TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
    received_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT,
    processed_at BIGINT);
CREATE INDEX IF NOT EXISTS journal_status ON journal (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS journal_conversation ON journal (conversation_id);
CREATE TABLE IF NOT EXISTS decisions (id ${serial}, conversation_id TEXT NOT NULL,
    rule_pack TEXT NOT NULL, decision TEXT NOT NULL, bundle TEXT NOT NULL, decided_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_conversation ON decisions (conversation_id);
CREATE TABLE IF NOT EXISTS outbox (id ${serial}, conversation_id TEXT NOT NULL, type TEXT NOT NULL,
    handler TEXT NOT NULL,
    action_key TEXT NOT NULL UNIQUE, decision TEXT NOT NULL, bundle TEXT NOT NULL, action TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT, claimed_until BIGINT, last_error TEXT, updated_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS calibrations (conversation_id TEXT PRIMARY KEY, month TEXT NOT NULL,
    calibration_id TEXT NOT NULL);
