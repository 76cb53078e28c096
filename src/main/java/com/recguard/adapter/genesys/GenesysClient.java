package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProperty;
import com.mypurecloud.sdk.v2.connector.apache.ApacheHttpClientConnector;
import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.recguard.service.ActionException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * One authorised connection to a Genesys Cloud organisation, shared by the conversation source
 * and the action handlers. Thread-safe.
 *
 * <ul>
 *   <li>The token comes from {@link ClientCredentials} (our login URL, not the SDK's).</li>
 *   <li>The SDK's retries stay off ({@code maxRetryTimeSec = 0}) and so do Apache HttpClient's: the
 *       service's outbox is the one place that retries, with the Retry-After we pass on.</li>
 *   <li>The connection pool holds {@code maxConnections} per route (Apache's default is 2).</li>
 *   <li>Every failure leaves as an {@link ActionException} (see {@link GenesysErrors}).</li>
 *   <li>Every API call (the service's gathers and actions, the back-fill's listing and gathers) first
 *       takes a permit from one resilience4j {@link RateLimiter} set from
 *       {@link GenesysConfig#requestsPerMinute()}, so the client stays under the org's per-client
 *       limit however many threads call it; a 429 with Retry-After holds every call of this client
 *       back until that time (refused retryable at once, not sent), not only the one refused.</li>
 * </ul>
 */
public final class GenesysClient implements AutoCloseable {

    /** A call through the SDK. */
    @FunctionalInterface
    interface SdkCall<T> {
        T call() throws IOException, ApiException;
    }

    private final GenesysConfig config;
    private final Clock clock;
    private final ApiClient api;
    private final ClientCredentials credentials;
    private final HttpClient plainHttp;
    private final ExecutorService sdkExecutor;
    private final RateLimiter pace;
    /** Set from a 429's Retry-After: no call of this client starts before it. */
    private volatile Instant quietUntil = Instant.MIN;
    private String tokenInUse;

    public GenesysClient(GenesysConfig config) {
        this(config, Clock.systemUTC());
    }

    public GenesysClient(GenesysConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(Math.max(config.maxConnections(), 2));
        pool.setDefaultMaxPerRoute(config.maxConnections());
        pool.setValidateAfterInactivity(2_000);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
        CloseableHttpClient apache = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(timeoutMs)
                        .setSocketTimeout(timeoutMs)
                        .setConnectionRequestTimeout(timeoutMs)
                        .build())
                .disableAutomaticRetries()
                .evictIdleConnections(30, TimeUnit.SECONDS)
                .build();
        // The connector wants an executor for its async variants, which recguard does not use.
        this.sdkExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "genesys-sdk");
            t.setDaemon(true);
            return t;
        });
        ApiClient.RetryConfiguration noRetries = new ApiClient.RetryConfiguration();
        noRetries.setMaxRetryTimeSec(0);
        this.api = ApiClient.Builder.standard()
                .withBasePath(config.baseUrl())
                .withRetryConfiguration(noRetries)
                // The SDK's 401 handling refreshes code-authorisation tokens only; we re-authorise ourselves.
                .withShouldRefreshAccessToken(false)
                .withAutoReloadConfig(false)
                .withProperty(ApiClientConnectorProperty.CONNECTOR_PROVIDER, new ApacheHttpClientConnector(apache, sdkExecutor))
                .build();
        this.plainHttp = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.credentials = new ClientCredentials(config, plainHttp, clock, json -> api.deserialize(json, AuthResponse.class));
        this.pace = RateLimiter.of("genesys-" + config.clientId(), paceOf(config.requestsPerMinute(), config.timeout()));
    }

    /**
     * Permits for {@code perMinute} requests a minute, refreshed in whole permits as often as that
     * allows (3,000 a minute: 50 each second), so a burst never exceeds one second's share. A
     * caller waits for a permit up to ten timeouts (a pool far larger than the pace, or a long
     * Retry-After ahead of it) before its call fails retryable.
     */
    static RateLimiterConfig paceOf(int perMinute, Duration timeout) {
        int perPeriod = Math.max(1, perMinute / 60);
        long periodNanos = Duration.ofMinutes(1).toNanos() * perPeriod / perMinute;
        return RateLimiterConfig.custom()
                .limitForPeriod(perPeriod)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, periodNanos)))
                .timeoutDuration(timeout.multipliedBy(10))
                .build();
    }

    /** How many API calls this client has been allowed to start so far (paced calls, both attempts of a 401). */
    public long apiCalls() {
        return apiCalls.get();
    }

    private final java.util.concurrent.atomic.AtomicLong apiCalls = new java.util.concurrent.atomic.AtomicLong();

    public GenesysConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    ApiClient api() {
        return api;
    }

    /**
     * Runs one SDK call with a current token. A 401 means the token was revoked or expired early:
     * the call is made once more with a fresh token before the failure is reported.
     */
    <T> T call(Call what, SdkCall<T> sdkCall) throws ActionException {
        String token = authorise();
        try {
            paced(what);
            return sdkCall.call();
        } catch (ApiException e) {
            if (e.getStatusCode() != 401) {
                throw refused(what, e);
            }
            credentials.invalidate(token);
        } catch (IOException e) {
            throw GenesysErrors.translate(what, e);
        }
        authorise();
        try {
            paced(what);
            return sdkCall.call();
        } catch (ApiException e) {
            throw refused(what, e);
        } catch (IOException e) {
            throw GenesysErrors.translate(what, e);
        }
    }

    /** Translates a refusal; a 429 also quiets the whole client until its Retry-After has passed. */
    private ActionException refused(Call what, ApiException e) {
        ActionException translated = GenesysErrors.translate(what, e, clock);
        if (e.getStatusCode() == 429 && translated.retryAfter() != null) {
            Instant until = clock.instant().plus(translated.retryAfter());
            synchronized (this) {
                if (until.isAfter(quietUntil)) {
                    quietUntil = until;
                }
            }
        }
        return translated;
    }

    /**
     * Refuses at once (retryable, with the time left) while a Retry-After is in force, so no thread
     * of this client calls Genesys before the time it named, and the caller (the outbox, the
     * back-fill) waits as it waits for a 429 of its own; then waits for a permit of the rate limiter.
     * Fails retryable when no permit comes within the limiter's timeout or the thread is interrupted.
     */
    private void paced(Call what) throws ActionException {
        Duration quiet = Duration.between(clock.instant(), quietUntil);
        if (!quiet.isNegative() && !quiet.isZero()) {
            throw ActionException.retryable(what.label() + ": not sent, Genesys asked this client to wait until "
                    + quietUntil + " (Retry-After of an earlier 429)", quiet, null);
        }
        if (!pace.acquirePermission()) {
            throw ActionException.retryable(what.label() + ": no request permit within " + pace.getRateLimiterConfig()
                    .getTimeoutDuration().toSeconds() + " s at " + config.requestsPerMinute() + " requests a minute"
                    + (Thread.currentThread().isInterrupted() ? " (interrupted)" : ""), null, null);
        }
        apiCalls.incrementAndGet();
    }

    /** An SDK model object that only names an id ({@code {"id": …}}), for references in request bodies. */
    <T> T reference(Class<T> type, String id) throws ActionException {
        try {
            return java.util.Objects.requireNonNull(read("{\"id\":" + GenesysActions.jsonString(id) + "}", type));
        } catch (IOException | RuntimeException e) {
            throw ActionException.permanent("cannot build a " + type.getSimpleName() + " reference for " + id, e);
        }
    }

    /** Reads a JSON document with the SDK's mapper (dates and unknown fields handled as for API calls). */
    <T> T read(String json, Class<T> type) throws IOException {
        return api.deserialize(json, type);
    }

    /**
     * GETs a pre-signed URL (a transcript in S3): no bearer token, which S3 would refuse. Returns
     * null on 404; 403 (an expired signature) and 5xx are retryable, as a new URL will be asked for.
     */
    String getPresigned(Call what, URI url) throws ActionException {
        return presigned(what, url, HttpResponse.BodyHandlers.ofString());
    }

    /** Downloads a pre-signed URL (recording media) to {@code target}; null on 404. */
    java.nio.file.Path downloadPresigned(Call what, URI url, java.nio.file.Path target) throws ActionException {
        return presigned(what, url, HttpResponse.BodyHandlers.ofFile(target));
    }

    private <T> T presigned(Call what, URI url, HttpResponse.BodyHandler<T> handler) throws ActionException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.timeout()).GET().build();
        HttpResponse<T> response;
        try {
            response = sendGet(request, handler);
        } catch (IOException e) {
            throw ActionException.retryable(what.label() + " failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ActionException.retryable(what.label() + " was interrupted", null, e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status == 404) {
            return null;
        }
        String text = what.label() + ": HTTP " + status
                + (response.body() instanceof String body ? " " + GenesysErrors.abbreviate(body) : "");
        if (status == 403 || status == 429 || status >= 500) {
            throw ActionException.retryable(text, GenesysErrors.retryAfter(
                    h -> response.headers().firstValue(h).orElse(null), null, clock), null);
        }
        throw ActionException.permanent(text, null);
    }

    /**
     * A GET, sent once more at once when the first attempt dies on the connection ("EOF reached
     * while reading"): the JDK client may pick a pooled keep-alive connection the server has
     * just closed. A GET is safe to repeat; any other failure is the caller's to retry later.
     */
    private <T> HttpResponse<T> sendGet(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return plainHttp.send(request, handler);
        } catch (IOException e) {
            return plainHttp.send(request, handler);
        }
    }

    private synchronized String authorise() throws ActionException {
        String token = credentials.token();
        if (!token.equals(tokenInUse)) {
            api.setAccessToken(token);
            tokenInUse = token;
        }
        return token;
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (Exception e) {
            // closing the pool; nothing left to do
        }
        sdkExecutor.shutdownNow();
    }
}
