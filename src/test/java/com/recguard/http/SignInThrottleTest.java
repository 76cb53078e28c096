package com.recguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void an_address_may_try_again_at_once_until_it_reaches_the_limit_of_refusals() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock, 3, Duration.ofMinutes(1));
        for (int i = 0; i < 2; i++) {
            throttle.refused("10.0.0.1");
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(throttle.waitFor("10.0.0.1")).isZero();
        throttle.refused("10.0.0.1");
        // Three refusals at 0, 10 and 20 s: blocked until the first leaves the one-minute window.
        assertThat(throttle.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void the_block_lifts_when_the_oldest_refusal_leaves_the_window() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock, 2, Duration.ofMinutes(1));
        throttle.refused("10.0.0.1");
        throttle.refused("10.0.0.1");
        clock.now = clock.now.plusSeconds(59);
        assertThat(throttle.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.waitFor("10.0.0.1")).isZero();
    }

    @Test
    void one_address_being_blocked_does_not_block_another() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock, 1, Duration.ofMinutes(1));
        throttle.refused("10.0.0.1");
        assertThat(throttle.waitFor("10.0.0.1")).isPositive();
        assertThat(throttle.waitFor("10.0.0.2")).isZero();
    }
}
