package com.recguard.model;

import java.util.List;
import java.util.Map;

public record Participant(
        String participantId,
        String purpose,
        String userId,
        Map<String, String> attributes,
        List<Session> sessions) {

    public Participant {
        attributes = Map.copyOf(attributes);
        sessions = List.copyOf(sessions);
    }

    /** How POLICY.md section 1 classifies a Genesys participant purpose. */
    public enum Role { EXTERNAL, STAFF, SYSTEM }

    public Role role() {
        String p = purpose == null ? "" : purpose.toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "customer", "external" -> Role.EXTERNAL;
            case "agent", "user" -> Role.STAFF;
            default -> Role.SYSTEM;
        };
    }
}
