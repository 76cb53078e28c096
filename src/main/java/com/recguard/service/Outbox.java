package com.recguard.service;

import java.time.Instant;
import java.util.List;

/** Port: the outbox of actions, claimed by one node at a time and retried until done or dead. */
public interface Outbox {

    enum ItemStatus { PENDING, DONE, DEAD }

    record Item(long id, String conversationId, String type, String handler, String key, String decisionJson, String bundleJson,
                String action, ItemStatus status, int attempts, Instant nextAttemptAt, String lastError) {}

    /** An action to put in the outbox: its type, the handler that runs it, its idempotency key, and how it is named within its decision. */
    record NewItem(String type, String handler, String key, String action) {}

    List<Item> dueItems(Instant now, int limit);

    List<Item> items(ItemStatus status);

    List<Item> items(ItemStatus status, long after, int limit);

    boolean claim(long id, String node, Instant now, Instant until);

    int releaseClaims(String node);

    void done(long id, Instant at);

    void retry(long id, int attempts, Instant next, String error, Instant at);

    void dead(long id, int attempts, String error, Instant at);

    boolean replay(long id, Instant at);
}
