package com.recguard.service;

import java.time.Duration;

/** What the service reports for monitoring; the metrics adapter turns it into Prometheus series. */
public interface ServiceEvents {

    void event(String result);

    void decision(String recording, boolean violations, boolean held);

    void action(String type, String outcome, Duration latency);

    void packReload(boolean swapped);

    ServiceEvents NONE = new ServiceEvents() {
        public void event(String result) {}

        public void decision(String recording, boolean violations, boolean held) {}

        public void action(String type, String outcome, Duration latency) {}

        public void packReload(boolean swapped) {}
    };
}
