package com.recguard.facts;

/**
 * A session Genesys flagged {@code "recording": true} ("an audio recording was started"). Its
 * {@code sessionId} may be null when the export has none.
 */
public record RecordedSession(String participantId, String sessionId) {}
