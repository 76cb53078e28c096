package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.mypurecloud.sdk.v2.api.RecordingApi;
import com.recguard.service.ActionException;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's pace: set from the org's per-client limit, and quiet for everyone after a 429. */
class GenesysPaceTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @Test
    void threeThousandAMinuteIsFiftyPermitsEachSecondAndNeverABiggerBurst() {
        RateLimiterConfig c = GenesysClient.paceOf(3000, Duration.ofSeconds(30));
        assertThat(c.getLimitForPeriod()).isEqualTo(50);
        assertThat(c.getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.getTimeoutDuration()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aLimitBelowSixtyAMinuteSpacesSinglePermits() {
        RateLimiterConfig c = GenesysClient.paceOf(40, Duration.ofSeconds(30));
        assertThat(c.getLimitForPeriod()).isEqualTo(1);
        assertThat(c.getLimitRefreshPeriod()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theLimitDefaultsToGenesysPerClientLimitAndABadValueIsNamed() {
        Map<String, String> env = GenesysStub.env(wm);
        assertThat(GenesysConfig.fromEnv(env).requestsPerMinute()).isEqualTo(3000);
        env.put(GenesysConfig.REQUESTS_PER_MINUTE, "1200");
        assertThat(GenesysConfig.fromEnv(env).requestsPerMinute()).isEqualTo(1200);
        Map<String, String> bad = new HashMap<>(env);
        bad.put(GenesysConfig.REQUESTS_PER_MINUTE, "lots");
        assertThatThrownBy(() -> GenesysConfig.fromEnv(bad)).hasMessageContaining("GENESYS_REQUESTS_PER_MINUTE")
                .hasMessageContaining("lots");
    }

    @Test
    void afterA429EveryCallOfTheClientWaitsOutItsRetryAfterWithoutReachingGenesys() throws Exception {
        GenesysStub.token(wm, "tok-1");
        String other = "/api/v2/conversations/" + CONVERSATION_ID;
        wm.stubFor(get(urlPathEqualTo(GenesysStub.METADATA_PATH)).willReturn(GenesysStub.error(429, "too.many.requests",
                "Rate limit exceeded the maximum. Retry the request in [30] seconds").withHeader("Retry-After", "30")));
        wm.stubFor(get(urlPathEqualTo(other)).willReturn(okJson("{\"id\":\"" + CONVERSATION_ID + "\",\"participants\":[]}")));
        GenesysStub.MovableClock clock = new GenesysStub.MovableClock(Instant.parse("2026-07-01T10:00:00Z"));
        try (GenesysClient client = new GenesysClient(GenesysStub.config(wm), clock)) {
            RecordingApi recording = new RecordingApi(client.api());
            var conversations = new com.mypurecloud.sdk.v2.api.ConversationsApi(client.api());
            Call metadata = Call.of("GET recordingmetadata", null);
            Call conversation = Call.of("GET conversation", null);
            catchThrowableOfType(ActionException.class,
                    () -> client.call(metadata, () -> recording.getConversationRecordingmetadata(CONVERSATION_ID)));

            clock.advance(Duration.ofSeconds(10));
            ActionException held = catchThrowableOfType(ActionException.class,
                    () -> client.call(conversation, () -> conversations.getConversation(CONVERSATION_ID)));
            assertThat(held.retryable()).isTrue();
            assertThat(held.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(other)));

            clock.advance(Duration.ofSeconds(21));
            assertThat(client.call(conversation, () -> conversations.getConversation(CONVERSATION_ID)).getId())
                    .isEqualTo(CONVERSATION_ID);
            wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(other)));
            assertThat(client.apiCalls()).isEqualTo(2);
        }
    }
}
