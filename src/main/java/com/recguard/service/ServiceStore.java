package com.recguard.service;

/**
 * The journal, the outbox and the decisions kept together, because a decision commits its event,
 * its outbox entries and its log entry in one transaction. One adapter implements it ({@code store}, JDBC).
 */
public interface ServiceStore extends Journal, Outbox, DecisionStore {

    /** Rows of a table ({@code journal}, {@code outbox}) in a status, for gauges and readiness. */
    long count(String table, String status);
}
