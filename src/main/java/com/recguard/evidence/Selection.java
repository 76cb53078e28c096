package com.recguard.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * Which conversations go into a pack: named ids, or a query over the archived manifests: a user
 * (a participant's {@code userId}) and a UTC date range of the conversation's start (both ends
 * included), and/or a hold id ({@code LH-7}) the archived decision or a later hold event names.
 */
public record Selection(List<String> conversationIds, String user, LocalDate from, LocalDate to, String hold) {

    public Selection {
        conversationIds = List.copyOf(conversationIds);
        boolean query = user != null || from != null || to != null || hold != null;
        if (conversationIds.isEmpty() && !query) {
            throw new IllegalArgumentException("name conversation ids, or a query (--user with --from/--to, or --hold)");
        }
        if (!conversationIds.isEmpty() && query) {
            throw new IllegalArgumentException("name conversation ids or give a query, not both");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    public static Selection of(List<String> ids) {
        return new Selection(ids, null, null, null, null);
    }

    public boolean byQuery() {
        return conversationIds.isEmpty();
    }

    /** For the README and the audit line: what was asked for. */
    public String describe() {
        if (!byQuery()) {
            return "conversations " + String.join(", ", conversationIds);
        }
        StringBuilder sb = new StringBuilder("query");
        if (user != null) {
            sb.append(" user=").append(user);
        }
        if (from != null) {
            sb.append(" from=").append(from);
        }
        if (to != null) {
            sb.append(" to=").append(to);
        }
        if (hold != null) {
            sb.append(" hold=").append(hold);
        }
        return sb.toString();
    }
}
