package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static com.recguard.adapter.genesys.GenesysStub.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.RecordingApi;
import com.mypurecloud.sdk.v2.model.RecordingMetadata;
import com.recguard.service.ActionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authorisation and failure translation, against a stub Genesys on 127.0.0.1. */
class GenesysClientTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    private static final String METADATA_PATH = "/api/v2/conversations/" + CONVERSATION_ID + "/recordingmetadata";
    private static final Call METADATA = Call.of("GET recordingmetadata", "recording:recording:view");

    private GenesysClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private List<RecordingMetadata> metadata() throws ActionException {
        RecordingApi api = new RecordingApi(client.api());
        return client.call(METADATA, () -> api.getConversationRecordingmetadata(CONVERSATION_ID));
    }

    private static void metadataAnswers(String bearer) {
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).withHeader("Authorization", equalTo("Bearer " + bearer))
                .willReturn(okJson("[]")));
    }

    @Test
    void fetches_the_token_from_the_configured_login_url_with_basic_auth_and_uses_it_as_bearer() throws Exception {
        GenesysStub.token(wm, "tok-1");
        metadataAnswers("tok-1");
        client = new GenesysClient(GenesysStub.config(wm));

        assertThat(metadata()).isEmpty();
        assertThat(metadata()).isEmpty();

        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(GenesysStub.basicAuth()))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(METADATA_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void fetches_a_new_token_after_a_401_and_repeats_the_call_once() throws Exception {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GenesysStub.tokenResponse("tok-revoked", 86400)).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs("second")
                .willReturn(GenesysStub.tokenResponse("tok-2", 86400)));
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).withHeader("Authorization", equalTo("Bearer tok-revoked"))
                .willReturn(GenesysStub.error(401, "bad.credentials", "Invalid login credentials.")));
        metadataAnswers("tok-2");
        client = new GenesysClient(GenesysStub.config(wm));

        assertThat(metadata()).isEmpty();

        wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(METADATA_PATH)).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void renews_the_token_shortly_before_it_expires() throws Exception {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GenesysStub.tokenResponse("tok-1", 3600)).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("expiry").whenScenarioStateIs("second")
                .willReturn(GenesysStub.tokenResponse("tok-2", 3600)));
        metadataAnswers("tok-1");
        metadataAnswers("tok-2");
        GenesysStub.MovableClock clock = new GenesysStub.MovableClock(Instant.parse("2026-03-10T16:00:00Z"));
        client = new GenesysClient(GenesysStub.config(wm), clock);

        metadata();
        clock.advance(Duration.ofMinutes(30));
        metadata();
        clock.advance(Duration.ofSeconds(1800 - 30));
        metadata();

        wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(METADATA_PATH)).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void a_429_is_retryable_after_retry_after_and_is_not_retried_by_the_sdk() {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(GenesysStub.error(429, "too.many.requests",
                "Rate limit exceeded the maximum. Retry the request in [7] seconds").withHeader("Retry-After", "7")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("HTTP 429").contains("corr-429");
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(METADATA_PATH)));
    }

    @Test
    void reads_retry_after_in_lower_case_which_the_sdk_itself_ignores() throws Exception {
        GenesysStub.token(wm, "tok-1");
        try (RawHttpStub api = new RawHttpStub("HTTP/1.1 429 Too Many Requests",
                "Content-Type: application/json\r\nretry-after: 9\r\n",
                "{\"message\":\"Rate limit exceeded the maximum.\",\"code\":\"too.many.requests\",\"status\":429}")) {
            Map<String, String> env = GenesysStub.env(wm);
            env.put(GenesysConfig.BASE_URL, api.base());
            client = new GenesysClient(GenesysConfig.fromEnv(env));

            ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

            assertThat(((ApiException) e.getCause()).getHeaders()).as("the header arrived in lower case")
                    .containsKey("retry-after").doesNotContainKey("Retry-After");
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(9));
            assertThat(api.requests()).as("no retry by the SDK").isEqualTo(1);
        }
    }

    @Test
    void a_429_without_the_header_takes_the_wait_from_the_documented_message() {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(GenesysStub.error(429, "too.many.requests",
                "Rate limit exceeded the maximum. Retry the request in [12] seconds")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void a_503_is_retryable() {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(GenesysStub.error(503, "service.unavailable", "Service Unavailable")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isNull();
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(METADATA_PATH)));
    }

    @Test
    void a_400_is_permanent() {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(GenesysStub.error(400, "bad.request", "The conversation id is malformed")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 400").contains("The conversation id is malformed");
    }

    @Test
    void a_403_is_permanent_and_names_the_permission_the_role_lacks() {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(GenesysStub.error(403, "missing.permissions", "Missing permissions")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("recording:recording:view");
    }

    @Test
    void a_timeout_is_retryable() {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson("[]").withFixedDelay(1500)));
        Map<String, String> env = GenesysStub.env(wm);
        env.put(GenesysConfig.TIMEOUT_MS, "300");
        client = new GenesysClient(GenesysConfig.fromEnv(env));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void a_refused_client_id_is_permanent_and_says_which_variables_to_check() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"description\":\"client not found\"}")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("GENESYS_CLIENT_ID").doesNotContain(GenesysStub.CLIENT_SECRET);
    }

    @Test
    void a_rate_limited_login_is_retryable() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        client = new GenesysClient(GenesysStub.config(wm));

        ActionException e = catchThrowableOfType(ActionException.class, this::metadata);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void runs_more_than_two_calls_at_once_against_one_host() throws Exception {
        GenesysStub.token(wm, "tok-1");
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson("[]").withFixedDelay(1000)));
        client = new GenesysClient(GenesysStub.config(wm));
        metadata(); // token and first connection out of the way

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            long start = System.nanoTime();
            List<Future<List<RecordingMetadata>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(this::metadata));
            }
            for (Future<List<RecordingMetadata>> f : calls) {
                f.get();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // Apache's default of 2 connections per route would queue these into 3 rounds (3 s or more).
            assertThat(took).isLessThan(Duration.ofMillis(2800));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retry_after_also_reads_an_http_date() {
        GenesysStub.MovableClock clock = new GenesysStub.MovableClock(Instant.parse("2026-03-10T16:00:00Z"));

        Duration d = GenesysErrors.retryAfter(h -> h.equals("Retry-After") ? "Tue, 10 Mar 2026 16:00:45 GMT" : null, null, clock);

        assertThat(d).isEqualTo(Duration.ofSeconds(45));
    }
}
