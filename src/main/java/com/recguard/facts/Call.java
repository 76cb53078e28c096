package com.recguard.facts;


/** The conversation as a whole: dates are UTC, month is yyyy-MM of the start, dialledLine is E.164 or null. */
public record Call(String conversationId, java.time.LocalDate startDate, java.time.LocalDate endDate, String month, boolean internal, boolean staffInteract, boolean ivrCapture, String dialledLine, String retentionClass, java.util.List<String> agentUserIds) {
    public Call {
        agentUserIds = java.util.List.copyOf(agentUserIds);
    }
}
