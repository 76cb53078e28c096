-- Issue 15 and 16 (service): events are claimed like outbox entries, the decision log's chain is
-- kept here in the decision's transaction (one chain for the deployment), and a provisional
-- decision schedules the conversation to be gathered again (settle_round counts the gathers).
ALTER TABLE journal ADD COLUMN claimed_by TEXT;
ALTER TABLE journal ADD COLUMN claimed_until BIGINT;
ALTER TABLE journal ADD COLUMN settle_round INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN is_final INTEGER NOT NULL DEFAULT 1;
CREATE TABLE decision_log (seq BIGINT PRIMARY KEY, conversation_id TEXT NOT NULL, input_hash TEXT NOT NULL,
    rule_pack TEXT NOT NULL, fired_rules TEXT NOT NULL, input TEXT NOT NULL, decision TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
