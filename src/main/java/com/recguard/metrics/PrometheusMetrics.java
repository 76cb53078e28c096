package com.recguard.metrics;

import com.recguard.service.ServiceEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/** The service's Prometheus metrics (Micrometer): events, decisions by outcome, actions, outbox, sweep lag. */
public final class PrometheusMetrics implements ServiceEvents {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** @param outboxDepth pending actions; @param deadLetters dead actions; @param sweepLagSeconds since the last sweep */
    public PrometheusMetrics(Supplier<Number> outboxDepth, Supplier<Number> deadLetters, Supplier<Number> sweepLagSeconds) {
        Gauge.builder("recguard_outbox_depth", () -> outboxDepth.get().doubleValue())
                .description("Actions waiting to run").register(registry);
        Gauge.builder("recguard_dead_letters", () -> deadLetters.get().doubleValue())
                .description("Actions that failed permanently and wait for an operator").register(registry);
        Gauge.builder("recguard_sweep_lag_seconds", () -> sweepLagSeconds.get().doubleValue())
                .description("Seconds since the last completeness sweep").register(registry);
    }

    @Override
    public void event(String result) {
        Counter.builder("recguard_events_total").tag("result", result).register(registry).increment();
    }

    @Override
    public void decision(String recording, boolean violations, boolean held) {
        Counter.builder("recguard_decisions_total").tag("recording", String.valueOf(recording))
                .tag("violations", String.valueOf(violations)).tag("held", String.valueOf(held))
                .register(registry).increment();
    }

    @Override
    public void action(String type, String outcome, Duration latency) {
        Timer.builder("recguard_action_seconds").tag("type", type).tag("outcome", outcome)
                .register(registry).record(latency);
        if (!outcome.equals("done")) {
            Counter.builder("recguard_action_failures_total").tag("type", type).tag("outcome", outcome)
                    .register(registry).increment();
        }
    }

    @Override
    public void packReload(boolean swapped) {
        Counter.builder("recguard_pack_reloads_total").tag("result", swapped ? "swapped" : "rejected")
                .register(registry).increment();
    }

    @Override
    public void provisionalDecision() {
        Counter.builder("recguard_decisions_by_finality_total").tag("final", "false")
                .description("Decisions stored, provisional (recordings settling) or final").register(registry).increment();
    }

    @Override
    public void finalDecision(Duration sinceFirstEvent) {
        Counter.builder("recguard_decisions_by_finality_total").tag("final", "true")
                .description("Decisions stored, provisional (recordings settling) or final").register(registry).increment();
        Timer.builder("recguard_time_to_final_seconds")
                .description("From a conversation's first event to its final decision")
                .publishPercentileHistogram().register(registry).record(sinceFirstEvent);
    }

    public String scrape() {
        return registry.scrape();
    }
}
