package com.recguard.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every schedule of the service, on one executor: the journal and outbox loops, rule-pack
 * reloads, the completeness sweep, and whatever the composition root adds (decision-log digests,
 * monthly calibration, the configuration audit). Each task has a name; a failing pass is logged
 * with that name and the next pass tries again, so a task never loses its schedule.
 *
 * <p>Stopping is two steps, so the caller can close its intake in between:
 * {@link #stopTakingWork()} ends every schedule and tells the service to claim nothing new;
 * {@link #finish(Duration)} waits for the passes in flight, up to a bound, then hands this node's
 * remaining claims back so another node, or this one after a restart, takes them at once.
 */
public final class ServiceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    /** One pass of a task. */
    @FunctionalInterface
    public interface Pass {
        void run() throws Exception;
    }

    /** A named task: first run after {@code firstAfter}, then {@code every} after each pass ends. */
    public record Task(String name, Duration firstAfter, Duration every, Pass pass) {}

    /** How a stop went: whether every pass in flight finished, and how many claims were handed back. */
    public record Stopped(boolean finished, int handedBack) {}

    private final RecguardService service;
    private final ScheduledExecutorService executor;
    private final AtomicInteger failures = new AtomicInteger();
    private Stopped stopped;

    public ServiceRunner(RecguardService service, List<Task> tasks) {
        this.service = service;
        this.executor = Executors.newScheduledThreadPool(Math.max(1, tasks.size()), r -> {
            Thread t = new Thread(r, "recguard-task");
            t.setDaemon(true);
            return t;
        });
        for (Task task : tasks) {
            executor.scheduleWithFixedDelay(guard(task), task.firstAfter().toMillis(), task.every().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The service's own loops, with nothing else scheduled (tests, and the base of {@code serve}). */
    public ServiceRunner(RecguardService service, CompletenessSweep sweep, ServiceEvents events, Clock clock,
                         Duration poll, Duration reload, Duration sweepEvery) {
        this(service, serviceTasks(service, sweep, events, clock, poll, reload, sweepEvery));
    }

    /**
     * Processing and dispatch are separate tasks: an exception or a slow outside system in one never
     * holds up the other. Each keeps going while there is work; the delay applies when idle.
     */
    public static List<Task> serviceTasks(RecguardService service, CompletenessSweep sweep, ServiceEvents events, Clock clock,
                                          Duration poll, Duration reload, Duration sweepEvery) {
        List<Task> tasks = new ArrayList<>();
        tasks.add(new Task("process", Duration.ZERO, poll, () -> {
            while (service.processDue() > 0) {
                // next batch
            }
        }));
        tasks.add(new Task("dispatch", Duration.ZERO, poll, () -> {
            while (service.dispatchDue() > 0) {
                // next batch
            }
        }));
        tasks.add(new Task("pack-reload", reload, reload, () -> {
            String before = service.packs().lastRejection();
            if (service.packs().reloadIfChanged()) {
                events.packReload(true);
            } else if (service.packs().lastRejection() != null && !service.packs().lastRejection().equals(before)) {
                events.packReload(false);
            }
        }));
        if (sweep != null) {
            tasks.add(new Task("sweep", sweepEvery, sweepEvery, () -> {
                CompletenessSweep.Report r = sweep.run(clock.instant());
                LOG.info("sweep {}..{}: seen {}, archived {}, exempt {}, with violations {}, pending {}, queued now {}",
                        r.from(), r.to(), r.seen(), r.archived(), r.exempt(), r.withViolations(), r.pending(), r.queuedNow());
            }));
        }
        return tasks;
    }

    /** How many passes have failed since start (each was logged with its task's name). */
    public int failedPasses() {
        return failures.get();
    }

    private Runnable guard(Task task) {
        return () -> {
            Thread.currentThread().setName("recguard-" + task.name());
            try {
                task.pass().run();
            } catch (Exception e) {
                failures.incrementAndGet();
                LOG.error("{} pass failed; the next pass retries", task.name(), e);
            } catch (Error e) {
                // an Error would cancel the schedule silently (the executor keeps it in a dead future)
                failures.incrementAndGet();
                LOG.error("{} pass failed with an error; the next pass retries", task.name(), e);
            }
        };
    }

    /** Ends every schedule; passes in flight go on, and the service claims no new event or action. */
    public void stopTakingWork() {
        service.stopTakingWork();
        executor.shutdown();
    }

    /**
     * Waits up to {@code within} for the passes in flight, then interrupts what is left and hands
     * this node's claims back. Idempotent: a second call returns the first result.
     */
    public synchronized Stopped finish(Duration within) throws InterruptedException {
        if (stopped != null) {
            return stopped;
        }
        stopTakingWork();
        boolean finished = executor.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            LOG.warn("work still in flight after {}; handing it back", within);
            executor.shutdownNow();
            executor.awaitTermination(500, TimeUnit.MILLISECONDS);
        }
        int handedBack = 0;
        try {
            handedBack = service.handBack();
        } catch (RuntimeException e) {
            LOG.error("claims not handed back (they expire after the claim time): {}", e.toString());
        }
        stopped = new Stopped(finished, handedBack);
        return stopped;
    }

    @Override
    public void close() throws InterruptedException {
        finish(Duration.ofSeconds(10));
    }
}
