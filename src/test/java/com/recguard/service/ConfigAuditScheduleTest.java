package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.config.AuditFinding;
import com.recguard.config.AuditReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Drift alerts from the scheduled configuration audit, with a clock moved by hand. */
class ConfigAuditScheduleTest {

    static final Instant FRIDAY = Instant.parse("2026-03-06T17:00:00Z");
    final MutableClock clock = new MutableClock(FRIDAY);
    final List<ActionTask> alerts = new ArrayList<>();
    final AtomicReference<List<AuditFinding>> current = new AtomicReference<>(List.of());
    boolean alertFails;

    final ActionHandler sink = new ActionHandler() {
        @Override
        public Set<String> types() {
            return Set.of("ALERT");
        }

        @Override
        public void execute(ActionTask task) throws ActionException {
            if (alertFails) {
                throw ActionException.retryable("webhook down", null, null);
            }
            alerts.add(task);
        }
    };

    final ConfigAuditSchedule schedule = new ConfigAuditSchedule(
            () -> new AuditReport(clock.instant(), "sha256:test", current.get()), sink, clock, Duration.ofHours(1));

    static AuditFinding finding(String code, String rule, String subject) {
        return new AuditFinding(code, rule, subject, "1 Recording policy framework", "why", "fix");
    }

    @Test
    void a_policy_changed_on_friday_evening_is_alerted_at_the_next_hourly_run() {
        assertThat(schedule.tick()).isPresent();
        assertThat(alerts).isEmpty();

        clock.advance(Duration.ofMinutes(20));
        current.set(List.of(finding("FLOW_ONLY_RECORDING", "CFG-005", "Global - Never")));
        assertThat(schedule.tick()).as("not due yet").isEmpty();

        clock.advance(Duration.ofMinutes(40));
        var outcome = schedule.tick().orElseThrow();

        assertThat(outcome.drift()).extracting(AuditFinding::code).containsExactly("FLOW_ONLY_RECORDING");
        assertThat(alerts).singleElement().satisfies(t -> {
            assertThat(t.action().type()).isEqualTo("ALERT");
            assertThat(t.conversationId()).isEqualTo(ConfigAuditSchedule.ALERT_ID);
            assertThat(t.decision().violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("FLOW_ONLY_RECORDING");
                assertThat(v.rule()).isEqualTo("CFG-005");
                assertThat(v.detail()).contains("Global - Never").contains("Fix: fix");
            });
        });
    }

    @Test
    void a_persisting_finding_is_alerted_once_and_again_only_after_it_was_fixed() {
        current.set(List.of(finding("IVR_NOT_RECORDED", "CFG-007", "SIP NY")));
        schedule.runNow();
        schedule.runNow();
        assertThat(alerts).hasSize(1);

        current.set(List.of());
        assertThat(schedule.runNow().resolved()).containsExactly("IVR_NOT_RECORDED SIP NY");
        current.set(List.of(finding("IVR_NOT_RECORDED", "CFG-007", "SIP NY")));
        schedule.runNow();
        assertThat(alerts).hasSize(2);
    }

    @Test
    void only_the_new_finding_is_alerted_when_another_persists() {
        current.set(List.of(finding("IVR_NOT_RECORDED", "CFG-007", "SIP NY")));
        schedule.runNow();
        current.set(List.of(finding("IVR_NOT_RECORDED", "CFG-007", "SIP NY"), finding("MISSING_PERMISSION", "CFG-022", "quality:evaluation:add")));
        schedule.runNow();
        assertThat(alerts.get(1).decision().violations()).extracting(v -> v.code()).containsExactly("MISSING_PERMISSION");
    }

    @Test
    void a_failed_alert_is_raised_again_at_the_next_run() {
        current.set(List.of(finding("NO_RECENT_CALIBRATION", "CFG-021", "evaluator e")));
        alertFails = true;
        schedule.runNow();
        alertFails = false;
        schedule.runNow();
        assertThat(alerts).singleElement().satisfies(t ->
                assertThat(t.decision().violations()).extracting(v -> v.code()).containsExactly("NO_RECENT_CALIBRATION"));
    }

    @Test
    void an_audit_that_cannot_run_is_alerted_once_per_failure_streak() {
        ConfigAuditSchedule failing = new ConfigAuditSchedule(() -> {
            throw new IllegalStateException("cannot read the Genesys configuration: HTTP 401");
        }, sink, clock, Duration.ofHours(1));
        assertThat(failing.runNow().failure()).contains("HTTP 401");
        failing.runNow();
        assertThat(alerts).singleElement().satisfies(t ->
                assertThat(t.decision().violations()).extracting(v -> v.code()).containsExactly("CONFIG_AUDIT_FAILED"));
    }
}
