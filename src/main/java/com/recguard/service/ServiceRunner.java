package com.recguard.service;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service's loops: journal and outbox (two loops) every poll interval, rule-pack reload checks, and
 * the completeness sweep. A failing pass is logged and the next one tries again: a loop never dies.
 */
public final class ServiceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final ScheduledExecutorService loops = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "recguard-loop");
        t.setDaemon(true);
        return t;
    });

    public ServiceRunner(RecguardService service, CompletenessSweep sweep, ServiceEvents events, Clock clock,
                         Duration poll, Duration reload, Duration sweepEvery) {
        // Processing and dispatch are separate loops: an exception or a slow outside system in one
        // never holds up the other. Each keeps going while there is work; the delay applies when idle.
        loops.scheduleWithFixedDelay(guard("process", () -> {
            while (service.processDue() > 0) {
                // next batch
            }
        }), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        loops.scheduleWithFixedDelay(guard("dispatch", () -> {
            while (service.dispatchDue() > 0) {
                // next batch
            }
        }), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        loops.scheduleWithFixedDelay(guard("reload", () -> {
            String before = service.packs().lastRejection();
            if (service.packs().reloadIfChanged()) {
                events.packReload(true);
            } else if (service.packs().lastRejection() != null && !service.packs().lastRejection().equals(before)) {
                events.packReload(false);
            }
        }), reload.toMillis(), reload.toMillis(), TimeUnit.MILLISECONDS);
        if (sweep != null) {
            loops.scheduleWithFixedDelay(guard("sweep", () -> {
                CompletenessSweep.Report r = sweep.run(clock.instant());
                LOG.info("sweep {}..{}: seen {}, archived {}, exempt {}, with violations {}, pending {}, queued now {}",
                        r.from(), r.to(), r.seen(), r.archived(), r.exempt(), r.withViolations(), r.pending(), r.queuedNow());
            }), sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private interface Pass {
        void run() throws Exception;
    }

    private static Runnable guard(String name, Pass pass) {
        return () -> {
            try {
                pass.run();
            } catch (Exception e) {
                LOG.error("{} pass failed; the next pass retries", name, e);
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        loops.shutdownNow();
        loops.awaitTermination(10, TimeUnit.SECONDS);
    }
}
