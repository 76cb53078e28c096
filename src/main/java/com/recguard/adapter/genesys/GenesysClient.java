package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProperty;
import com.mypurecloud.sdk.v2.connector.apache.ApacheHttpClientConnector;
import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.recguard.service.ActionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
    }

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
            return sdkCall.call();
        } catch (ApiException e) {
            if (e.getStatusCode() != 401) {
                throw GenesysErrors.translate(what, e, clock);
            }
            credentials.invalidate(token);
        } catch (IOException e) {
            throw GenesysErrors.translate(what, e);
        }
        authorise();
        try {
            return sdkCall.call();
        } catch (ApiException e) {
            throw GenesysErrors.translate(what, e, clock);
        } catch (IOException e) {
            throw GenesysErrors.translate(what, e);
        }
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
