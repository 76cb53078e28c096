package com.recguard.model;

import java.time.Instant;
import java.util.List;

/** The Genesys analytics conversation-detail fields recguard uses. */
public record Conversation(
        String conversationId,
        Instant conversationStart,
        Instant conversationEnd,
        String originatingDirection,
        List<Participant> participants) {

    public Conversation {
        participants = List.copyOf(participants);
    }
}
