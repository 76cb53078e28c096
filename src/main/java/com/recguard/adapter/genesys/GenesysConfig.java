package com.recguard.adapter.genesys;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach one Genesys Cloud organisation, read from environment variables (docs/genesys.md
 * lists them). {@link #toString()} never shows the client secret.
 *
 * @param baseUrl        API host, e.g. {@code https://api.mypurecloud.ie} (no trailing slash)
 * @param loginUrl       login host; {@code POST <loginUrl>/oauth/token} gives the token. Defaults
 *                       to the SDK's rule, "login." + the base host after its first dot
 * @param qaFormId       published evaluation form used for QUEUE_FOR_QA
 * @param qaEvaluatorId  user id of the evaluator the compliance evaluations are assigned to
 * @param recordingRegion AWS region the org stores recordings in, when the operator states it;
 *                       null means look it up (recording settings and media regions)
 * @param timeout        connect, read and pool-wait timeout of every HTTP call
 * @param maxConnections connection pool size per route (the SDK's Apache default is 2)
 * @param transcripts    fetch Speech and Text Analytics transcripts (off for unlicensed orgs)
 * @param sweepLookback  how long before the sweep window a conversation may have started
 * @param requestsPerMinute the pace every API call of this client keeps (GENESYS_REQUESTS_PER_MINUTE):
 *                       Genesys' published per-client limit {@code org.app.user.rate.per.minute} is
 *                       3,000 (genesys-api.md section 0; read an org's own value with GET
 *                       /api/v2/organizations/limits/namespaces/platform.api)
 */
public record GenesysConfig(
        String baseUrl,
        String loginUrl,
        String clientId,
        String clientSecret,
        String qaFormId,
        String qaEvaluatorId,
        String recordingRegion,
        Duration timeout,
        int maxConnections,
        boolean transcripts,
        Duration sweepLookback,
        int requestsPerMinute) {

    public static final String BASE_URL = "GENESYS_BASE_URL";
    public static final String LOGIN_URL = "GENESYS_LOGIN_URL";
    public static final String CLIENT_ID = "GENESYS_CLIENT_ID";
    public static final String CLIENT_SECRET = "GENESYS_CLIENT_SECRET";
    public static final String QA_FORM_ID = "GENESYS_QA_FORM_ID";
    public static final String QA_EVALUATOR_ID = "GENESYS_QA_EVALUATOR_ID";
    public static final String RECORDING_REGION = "GENESYS_RECORDING_REGION";
    public static final String TIMEOUT_MS = "GENESYS_TIMEOUT_MS";
    public static final String MAX_CONNECTIONS = "GENESYS_MAX_CONNECTIONS";
    public static final String TRANSCRIPTS = "GENESYS_TRANSCRIPTS";
    public static final String SWEEP_LOOKBACK_HOURS = "GENESYS_SWEEP_LOOKBACK_HOURS";
    public static final String REQUESTS_PER_MINUTE = "GENESYS_REQUESTS_PER_MINUTE";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_CONNECTIONS = 20;
    static final Duration DEFAULT_SWEEP_LOOKBACK = Duration.ofHours(48);
    /** Genesys' {@code org.app.user.rate.per.minute} for one OAuth client (genesys-api.md section 0). */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 3000;

    public GenesysConfig {
        baseUrl = trimSlash(baseUrl);
        loginUrl = loginUrl == null || loginUrl.isBlank() ? defaultLoginUrl(baseUrl) : trimSlash(loginUrl);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        sweepLookback = sweepLookback == null ? DEFAULT_SWEEP_LOOKBACK : sweepLookback;
        recordingRegion = recordingRegion == null || recordingRegion.isBlank() ? null : recordingRegion.trim();
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
    }

    /** The configuration before the rate setting existed: paced at Genesys' default per-client limit. */
    public GenesysConfig(String baseUrl, String loginUrl, String clientId, String clientSecret, String qaFormId,
                         String qaEvaluatorId, String recordingRegion, Duration timeout, int maxConnections,
                         boolean transcripts, Duration sweepLookback) {
        this(baseUrl, loginUrl, clientId, clientSecret, qaFormId, qaEvaluatorId, recordingRegion, timeout, maxConnections,
                transcripts, sweepLookback, DEFAULT_REQUESTS_PER_MINUTE);
    }

    /** The same organisation and client, paced at {@code perMinute} requests a minute. */
    public GenesysConfig withRequestsPerMinute(int perMinute) {
        return new GenesysConfig(baseUrl, loginUrl, clientId, clientSecret, qaFormId, qaEvaluatorId, recordingRegion,
                timeout, maxConnections, transcripts, sweepLookback, perMinute);
    }

    /**
     * Reads the configuration; every problem (missing or malformed variable) is reported at once.
     *
     * @throws IllegalArgumentException naming each variable that is missing or invalid
     */
    public static GenesysConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String base = required(env, BASE_URL, problems);
        if (base != null && !isHttpUrl(base)) {
            problems.add(BASE_URL + " must be an http(s) URL, e.g. https://api.mypurecloud.ie");
        }
        String login = optional(env, LOGIN_URL);
        if (login != null && !isHttpUrl(login)) {
            problems.add(LOGIN_URL + " must be an http(s) URL, e.g. https://login.mypurecloud.ie");
        }
        String id = required(env, CLIENT_ID, problems);
        String secret = required(env, CLIENT_SECRET, problems);
        String form = required(env, QA_FORM_ID, problems);
        String evaluator = required(env, QA_EVALUATOR_ID, problems);
        long timeoutMs = number(env, TIMEOUT_MS, DEFAULT_TIMEOUT.toMillis(), problems);
        long connections = number(env, MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS, problems);
        long lookbackHours = number(env, SWEEP_LOOKBACK_HOURS, DEFAULT_SWEEP_LOOKBACK.toHours(), problems);
        long perMinute = number(env, REQUESTS_PER_MINUTE, DEFAULT_REQUESTS_PER_MINUTE, problems);
        if (perMinute > 1_000_000) {
            problems.add(REQUESTS_PER_MINUTE + " must be at most 1000000, not " + perMinute);
        }
        boolean transcripts = true;
        String t = optional(env, TRANSCRIPTS);
        if (t != null) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes", "1" -> transcripts = true;
                case "false", "off", "no", "0" -> transcripts = false;
                default -> problems.add(TRANSCRIPTS + " must be true or false, not \"" + t + "\"");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Genesys configuration: " + String.join("; ", problems));
        }
        return new GenesysConfig(base, login, id, secret, form, evaluator, optional(env, RECORDING_REGION),
                Duration.ofMillis(timeoutMs), (int) connections, transcripts, Duration.ofHours(lookbackHours),
                (int) Math.min(perMinute, 1_000_000));
    }

    /** The token endpoint: client-credentials grant, Basic auth. */
    public URI tokenUri() {
        return URI.create(loginUrl + "/oauth/token");
    }

    @Override
    public String toString() {
        return "GenesysConfig[baseUrl=" + baseUrl + ", loginUrl=" + loginUrl + ", clientId=" + clientId
                + ", clientSecret=****, qaFormId=" + qaFormId + ", qaEvaluatorId=" + qaEvaluatorId
                + ", recordingRegion=" + recordingRegion + ", timeout=" + timeout + ", maxConnections="
                + maxConnections + ", transcripts=" + transcripts + ", sweepLookback=" + sweepLookback
                + ", requestsPerMinute=" + requestsPerMinute + "]";
    }

    /** The SDK's own rule (ApiClient): https://login. + the base host after its first dot. */
    static String defaultLoginUrl(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        URI u = URI.create(baseUrl);
        String host = u.getHost();
        if (host == null || host.indexOf('.') < 0) {
            return null;
        }
        return "https://login." + host.substring(host.indexOf('.') + 1);
    }

    private static String required(Map<String, String> env, String name, List<String> problems) {
        String v = optional(env, name);
        if (v == null) {
            problems.add(name + " is not set");
        }
        return v;
    }

    private static String optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static long number(Map<String, String> env, String name, long fallback, List<String> problems) {
        String v = optional(env, name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 1) {
                problems.add(name + " must be a positive whole number, not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a positive whole number, not \"" + v + "\"");
            return fallback;
        }
    }

    private static boolean isHttpUrl(String v) {
        try {
            URI u = URI.create(v.trim());
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trimSlash(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
