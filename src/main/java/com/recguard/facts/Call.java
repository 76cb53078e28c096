package com.recguard.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * The conversation as a whole. Dates are UTC; month is yyyy-MM of the start; dialledLine is E.164
 * or null. {@code media} is what a recording of this conversation must carry to count (POLICY.md
 * 3: {@code audio} when it has a voice session, else the media types of its sessions, lower case).
 * {@code retentionClasses} are the participants' {@code retentionClass} values in lower case
 * ({@code default} when none is given). {@code settled} is the bundle's.
 */
public record Call(String conversationId, LocalDate startDate, LocalDate endDate, String month, boolean internal,
                   boolean staffInteract, boolean ivrCapture, String dialledLine, List<String> retentionClasses,
                   List<String> agentUserIds, List<String> media, boolean settled) {
    public Call {
        retentionClasses = List.copyOf(retentionClasses);
        agentUserIds = List.copyOf(agentUserIds);
        media = List.copyOf(media);
    }
}
