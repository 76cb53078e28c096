package com.recguard.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A legal hold in force. It names any of: users, a date range of conversationStart (inclusive,
 * either end open) and terms. It matches a conversation when every criterion it names matches.
 */
public record LegalHold(String id, List<String> userIds, LocalDate from, LocalDate to, List<String> terms) {

    public LegalHold {
        userIds = List.copyOf(userIds);
        terms = List.copyOf(terms);
    }

    public boolean namesUsers() {
        return !userIds.isEmpty();
    }

    public boolean namesDates() {
        return from != null || to != null;
    }

    public boolean namesTerms() {
        return !terms.isEmpty();
    }

    public boolean covers(LocalDate day) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
