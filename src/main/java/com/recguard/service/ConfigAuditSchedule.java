package com.recguard.service;

import com.recguard.config.AuditFinding;
import com.recguard.config.AuditReport;
import com.recguard.model.Action;
import com.recguard.model.Decision;
import com.recguard.model.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configuration audit on a schedule and raises ALERT for configuration drift: every
 * finding that the previous run did not have (a policy changed in the admin UI on a Friday is
 * caught at the next run, not on Monday). A finding that persists is alerted once; one that is
 * fixed and comes back is alerted again. An audit that cannot run is alerted once per failure
 * streak, since drift would go unseen meanwhile. If the alert itself fails, the new findings are
 * not remembered, so the next run alerts them again.
 */
public final class ConfigAuditSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAuditSchedule.class);

    /** Pseudo conversation id of configuration alerts (AlertSink keys its webhook on it). */
    public static final String ALERT_ID = "config-audit";

    /** One audit: record the live configuration and evaluate it. */
    @FunctionalInterface
    public interface Audit {
        AuditReport run() throws Exception;
    }

    /** What one run found: the report (null when it failed), the new and the resolved findings. */
    public record Outcome(Instant at, AuditReport report, List<AuditFinding> drift, List<String> resolved, String failure) {}

    private final Audit audit;
    private final ActionHandler alert;
    private final Clock clock;
    private final Duration interval;
    private Set<String> previous;
    private boolean failing;
    private Instant nextRun;

    public ConfigAuditSchedule(Audit audit, ActionHandler alert, Clock clock, Duration interval) {
        this.audit = audit;
        this.alert = alert;
        this.clock = clock;
        this.interval = interval;
        this.nextRun = clock.instant();
    }

    public synchronized Instant nextRun() {
        return nextRun;
    }

    /** Runs the audit if it is due by the clock. */
    public synchronized Optional<Outcome> tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextRun)) {
            return Optional.empty();
        }
        nextRun = now.plus(interval);
        return Optional.of(runNow());
    }

    /** Runs the audit now and alerts drift. */
    public synchronized Outcome runNow() {
        Instant now = clock.instant();
        AuditReport report;
        try {
            report = audit.run();
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("configuration audit could not run: {}", why);
            if (!failing && send(List.of(new Violation("CONFIG_AUDIT_FAILED", "CFG-SCHEDULE",
                    "The configuration audit could not run, so configuration drift goes undetected: " + why)), null)) {
                failing = true;
            }
            return new Outcome(now, null, List.of(), List.of(), why);
        }
        failing = false;
        Set<String> current = report.findings().stream().map(AuditFinding::key).collect(Collectors.toCollection(LinkedHashSet::new));
        List<AuditFinding> drift = new ArrayList<>();
        for (AuditFinding f : report.findings()) {
            if (previous == null || !previous.contains(f.key())) {
                drift.add(f);
            }
        }
        List<String> resolved = previous == null ? List.of()
                : previous.stream().filter(k -> !current.contains(k)).sorted().toList();
        boolean alerted = drift.isEmpty() || send(drift.stream().map(f -> new Violation(f.code(), f.rule(),
                f.subject() + ": " + f.reason() + " Fix: " + f.fix() + " (guide " + f.section() + ")")).toList(), report.rulePack());
        if (alerted) {
            previous = current;
        } else if (previous != null) {
            // keep what was alerted before, forget what was not, so the next run tries again
            previous.retainAll(current);
        }
        if (!resolved.isEmpty()) {
            LOG.info("configuration audit: resolved since the last run: {}", resolved);
        }
        return new Outcome(now, report, List.copyOf(drift), resolved, null);
    }

    private boolean send(List<Violation> violations, String rulePack) {
        Map<String, String> params = new TreeMap<>();
        params.put("reason", "configuration-drift");
        params.put("codes", violations.stream().map(Violation::code).distinct().sorted().collect(Collectors.joining(",")));
        Decision d = new Decision(ALERT_ID, null, null, null, null, false, List.of(), null, violations,
                List.of(new Action("ALERT", new TreeMap<>(params))), List.of(), true, rulePack, List.of());
        try {
            alert.execute(new ActionTask(d.actions().get(0), d, null));
            return true;
        } catch (ActionException e) {
            LOG.error("configuration drift alert failed ({}); it is raised again at the next run", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.error("configuration drift alert failed ({}); it is raised again at the next run", e.toString());
            return false;
        }
    }
}
