package com.recguard.service;

import java.time.Duration;

/** What the service reports for monitoring; the metrics adapter turns it into Prometheus series. */
public interface ServiceEvents {

    void event(String result);

    void decision(String recording, boolean violations, boolean held);

    void action(String type, String outcome, Duration latency);

    void packReload(boolean swapped);

    /** A provisional decision was stored (recordings still settling). */
    default void provisionalDecision() {}

    /** A final decision was stored, {@code sinceFirstEvent} after the conversation's first event arrived. */
    default void finalDecision(Duration sinceFirstEvent) {}

    ServiceEvents NONE = new ServiceEvents() {
        public void event(String result) {}

        public void decision(String recording, boolean violations, boolean held) {}

        public void action(String type, String outcome, Duration latency) {}

        public void packReload(boolean swapped) {}
    };
}
