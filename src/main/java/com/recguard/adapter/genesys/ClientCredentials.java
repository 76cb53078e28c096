package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.recguard.service.ActionException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The client-credentials token, fetched by us rather than by the SDK: the SDK derives the login
 * host from the API host ("https://login." + the part after the first dot), so it cannot be
 * pointed at a test server or a proxy. There is no refresh token for this grant; a new token is
 * fetched shortly before the old one expires and whenever Genesys answers 401.
 */
final class ClientCredentials {

    /** Parses the token response with the SDK's own mapper (this package imports no Jackson). */
    interface Parser {
        AuthResponse parse(String json) throws IOException;
    }

    private static final Duration MIN_MARGIN = Duration.ofSeconds(60);

    private final URI tokenUri;
    private final String basicAuth;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Parser parser;

    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentials(GenesysConfig config, HttpClient http, Clock clock, Parser parser) {
        this.tokenUri = config.tokenUri();
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
        this.http = http;
        this.timeout = config.timeout();
        this.clock = clock;
        this.parser = parser;
    }

    /** A token valid for a while yet, fetching a new one when none is held or it is about to expire. */
    synchronized String token() throws ActionException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Genesys refused {@code rejected} (401): forget it, unless another thread already replaced it. */
    synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() throws ActionException {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Authorization", basicAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        String what = "POST " + tokenUri + " (client-credentials token)";
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ActionException.retryable(what + " failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ActionException.retryable(what + " was interrupted", null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            Duration wait = GenesysErrors.retryAfter(h -> response.headers().firstValue(h).orElse(null),
                    response.body(), clock);
            throw ActionException.retryable(what + ": HTTP " + status + " " + GenesysErrors.abbreviate(response.body()),
                    wait, null);
        }
        if (status != 200) {
            // 400 invalid_client / 401: the credentials are wrong or the client was deleted; retrying
            // cannot help until an operator fixes GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET.
            throw ActionException.permanent(what + ": HTTP " + status + " "
                    + GenesysErrors.abbreviate(response.body())
                    + " (check GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_LOGIN_URL)", null);
        }
        AuthResponse auth;
        try {
            auth = parser.parse(response.body());
        } catch (IOException e) {
            throw ActionException.permanent(what + ": unreadable token response", e);
        }
        if (auth == null || auth.getAccess_token() == null || auth.getAccess_token().isBlank()) {
            throw ActionException.permanent(what + ": the response carries no access_token", null);
        }
        Instant now = clock.instant();
        long lifetime = Math.max(auth.getExpires_in(), 0);
        // Renew a minute early (or at half-life for very short tokens) so that a call never
        // starts with a token that expires in flight.
        Duration margin = lifetime > 2 * MIN_MARGIN.toSeconds() ? MIN_MARGIN : Duration.ofSeconds(lifetime / 2);
        token = auth.getAccess_token();
        renewAt = now.plusSeconds(lifetime).minus(margin);
    }
}
