package com.recguard.adapter.genesys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Genesys organisation with many conversations, over plain HTTP on 127.0.0.1 (JDK HttpServer,
 * one thread per concurrent request, so a latency per call is served in parallel as Genesys
 * would). Serves what a back-fill and the service call:
 *
 * <ul>
 *   <li>the async details job flow: availability ({@code dataAvailabilityDate}), POST a job
 *       ({@code jobId}), GET its status ({@code state} QUEUED for the first polls, then FULFILLED,
 *       with {@code submissionDate}, {@code expirationDate}), and GET its results a page at a time
 *       ({@code conversations}, an opaque {@code cursor}, absent on the last page), the shapes of
 *       the SDK's AsyncQueryResponse, AsyncQueryStatus and AnalyticsConversationAsyncQueryResponse;</li>
 *   <li>each conversation's gather: details, conversation (participant attributes), recording
 *       metadata, transcript URLs and the pre-signed transcripts, recording settings and media
 *       regions, from the src/test/resources/genesys conversation (see {@link GenesysStub})
 *       moved to the conversation's own id and day (transcript epoch times shifted with it);</li>
 *   <li>a 429 with Retry-After on the first details GET of chosen conversations.</li>
 * </ul>
 * Three kinds of conversation, so decisions differ: of every ten on a day, seven fully recorded (the
 * template), two with no recording at all, one with only a screen recording ({@link #kind}).
 * Every request is counted by kind and conversation, for "gathered once" assertions.
 */
final class GenesysFleetStub implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: about 40 ms added to every call, which would swamp the latency under test.
        // (Read once, when the JDK's server configuration is first loaded.)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String TEMPLATE_ID = GenesysStub.CONVERSATION_ID;
    static final LocalDate TEMPLATE_DAY = LocalDate.of(2026, 3, 10);

    private final HttpServer server;
    private final ExecutorService pool;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, LocalDate> dayOf = new HashMap<>();
    private final Map<String, Integer> kindOf = new HashMap<>();
    private final long latencyMs;
    private final int queuedPolls;
    private final Instant availableUntil;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();
    private final AtomicLong apiCalls = new AtomicLong();
    private final AtomicInteger jobs = new AtomicInteger();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, String> submitted = new ConcurrentHashMap<>();
    private final String detail = GenesysStub.resource("conversation-detail.json");
    private final String conversation = GenesysStub.resource("conversation.json");
    private final String metadata = GenesysStub.resource("recordingmetadata.json");
    private final String transcript1 = GenesysStub.resource("transcript-part-1.json");
    private final String transcript2 = GenesysStub.resource("transcript-part-2.json");
    private volatile int retryAfterSeconds = 1;

    /**
     * @param count       conversations, spread evenly over the days from {@code firstDay}
     * @param days        how many days they span
     * @param latency     added before every answer (Genesys' round trip)
     * @param queuedPolls status polls a job answers QUEUED (then PENDING once) before FULFILLED
     */
    GenesysFleetStub(int count, LocalDate firstDay, int days, Duration latency, int queuedPolls) throws IOException {
        this.latencyMs = latency.toMillis();
        this.queuedPolls = queuedPolls;
        this.availableUntil = firstDay.plusDays(days + 30).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < count; i++) {
            String id = String.format("5d8c2f1e-%04x-4c3d-9e8f-%012x", i % 0x10000, 0xa0000000L + i);
            ids.add(id);
            dayOf.put(id, firstDay.plusDays(i % days));
            kindOf.put(id, (i / days) % 10);
        }
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "genesys-fleet-stub");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Environment that points recguard at this organisation (GenesysStub's client, login under /login). */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(GenesysConfig.BASE_URL, base());
        env.put(GenesysConfig.LOGIN_URL, base() + "/login");
        env.put(GenesysConfig.CLIENT_ID, GenesysStub.CLIENT_ID);
        env.put(GenesysConfig.CLIENT_SECRET, GenesysStub.CLIENT_SECRET);
        env.put(GenesysConfig.QA_FORM_ID, GenesysStub.FORM_ID);
        env.put(GenesysConfig.QA_EVALUATOR_ID, GenesysStub.EVALUATOR_ID);
        env.put(GenesysConfig.TIMEOUT_MS, "10000");
        env.put(GenesysConfig.MAX_CONNECTIONS, "64");
        return env;
    }

    GenesysConfig config() {
        return GenesysConfig.fromEnv(env());
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    /** 0-6 the template, 7-8 no recording, 9 only a screen recording. */
    int kind(String id) {
        return kindOf.get(id);
    }

    LocalDate day(String id) {
        return dayOf.get(id);
    }

    /** The first details GET of {@code id} answers 429 with Retry-After: {@code seconds}. */
    void throttleFirstGather(String id, int seconds) {
        retryAfterSeconds = seconds;
        throttled.add(id);
    }

    /** Requests of a kind ("details", "results", "jobs"…) for a conversation (or job, or "" for none). */
    int count(String kind, String id) {
        AtomicInteger n = counts.get(kind + " " + id);
        return n == null ? 0 : n.get();
    }

    /** How many times the conversation's analytics detail was fetched: once per gather. */
    int gathers(String id) {
        return count("details", id);
    }

    /** Every request but the token's and the pre-signed transcript downloads: what the org's rate limit counts. */
    long apiCalls() {
        return apiCalls.get();
    }

    int jobsSubmitted() {
        return jobs.get();
    }

    /** The interval the last job was submitted for. */
    String lastInterval() {
        return submitted.values().stream().reduce((a, b) -> b).orElse(null);
    }

    private static final Pattern DETAILS = Pattern.compile("/api/v2/analytics/conversations/([^/]+)/details");
    private static final Pattern CONVERSATION = Pattern.compile("/api/v2/conversations/([^/]+)");
    private static final Pattern METADATA = Pattern.compile("/api/v2/conversations/([^/]+)/recordingmetadata");
    private static final Pattern TRANSCRIPT_URLS = Pattern.compile(
            "/api/v2/speechandtextanalytics/conversations/([^/]+)/communications/([^/]+)/transcripturls");
    private static final Pattern S3 = Pattern.compile("/s3/transcripts/([^/]+)/([^/]+)-([12])\\.json");
    private static final Pattern JOB = Pattern.compile("/api/v2/analytics/conversations/details/jobs/([^/]+)");
    private static final Pattern RESULTS = Pattern.compile("/api/v2/analytics/conversations/details/jobs/([^/]+)/results");

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            byte[] requestBody = x.getRequestBody().readAllBytes();
            if (latencyMs > 0) {
                Thread.sleep(latencyMs);
            }
            if (!path.startsWith("/s3/") && !path.startsWith("/login/")) {
                apiCalls.incrementAndGet();
            }
            Matcher m;
            if (method.equals("POST") && path.equals("/login/oauth/token")) {
                hit("token", "");
                json(x, 200, "{\"access_token\":\"fleet-token\",\"token_type\":\"bearer\",\"expires_in\":86400}");
            } else if (path.equals("/api/v2/analytics/conversations/details/jobs/availability")) {
                hit("availability", "");
                json(x, 200, "{\"dataAvailabilityDate\":\"" + availableUntil + "\"}");
            } else if (method.equals("POST") && path.equals("/api/v2/analytics/conversations/details/jobs")) {
                String job = "a7e1c2d3-" + String.format("%04d", jobs.incrementAndGet()) + "-4f5a-8b9c-0d1e2f3a4b5c";
                hit("jobs", "");
                String body = new String(requestBody, StandardCharsets.UTF_8);
                Matcher interval = Pattern.compile("\"interval\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
                submitted.put(job, interval.find() ? interval.group(1) : "");
                polls.put(job, new AtomicInteger());
                json(x, 202, "{\"jobId\":\"" + job + "\"}");
            } else if ((m = RESULTS.matcher(path)).matches()) {
                hit("results", m.group(1));
                results(x, m.group(1));
            } else if ((m = JOB.matcher(path)).matches()) {
                hit("status", m.group(1));
                status(x, m.group(1));
            } else if ((m = DETAILS.matcher(path)).matches()) {
                String id = m.group(1);
                hit("details", id);
                if (throttled.remove(id)) {
                    x.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                    json(x, 429, "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [" + retryAfterSeconds
                            + "] seconds\",\"code\":\"too.many.requests\",\"status\":429}");
                } else {
                    known(x, id, () -> moved(detail, id));
                }
            } else if ((m = METADATA.matcher(path)).matches()) {
                String id = m.group(1);
                hit("metadata", id);
                known(x, id, () -> metadataOf(id));
            } else if ((m = CONVERSATION.matcher(path)).matches()) {
                String id = m.group(1);
                hit("conversation", id);
                known(x, id, () -> moved(conversation, id));
            } else if ((m = TRANSCRIPT_URLS.matcher(path)).matches()) {
                String id = m.group(1);
                String comm = m.group(2);
                hit("transcripturls", id);
                if (!comm.equals(GenesysStub.SECOND_AGENT_LEG) || !ids.contains(id)) {
                    json(x, 404, "{\"message\":\"No transcript exists for this communication\",\"code\":\"not.found\",\"status\":404}");
                } else {
                    String s3 = base() + "/s3/transcripts/" + id + "/" + comm;
                    String sig = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature=5f2a9c";
                    json(x, 200, "{\"conversation\":{\"id\":\"" + id + "\"},\"communicationId\":\"" + comm + "\",\"urls\":["
                            + "{\"recording\":{\"id\":\"" + GenesysStub.SECOND_LEG_RECORDING + "\"},\"url\":\"" + s3 + "-1.json" + sig + "\"},"
                            + "{\"recording\":{\"id\":\"" + GenesysStub.SECOND_LEG_RECORDING + "\"},\"url\":\"" + s3 + "-2.json" + sig + "\"}]}");
                }
            } else if ((m = S3.matcher(path)).matches()) {
                String id = m.group(1);
                hit("transcript", id);
                String part = m.group(3).equals("1") ? transcript1 : transcript2;
                known(x, id, () -> shifted(moved(part, id), id));
            } else if (path.equals("/api/v2/recording/settings")) {
                hit("settings", "");
                json(x, 200, "{\"maxSimultaneousStreams\":0,\"maxConfigurableScreenRecordingStreams\":2,"
                        + "\"regionalRecordingStorageEnabled\":false}");
            } else if (path.equals("/api/v2/telephony/mediaregions")) {
                hit("mediaregions", "");
                json(x, 200, "{\"awsHomeRegion\":\"us-east-1\",\"awsCoreRegions\":[\"us-east-1\",\"us-west-2\"],\"awsSatelliteRegions\":[]}");
            } else {
                hit("unknown", method + " " + path);
                json(x, 404, "{\"message\":\"no route " + method + " " + path + "\",\"code\":\"not.found\",\"status\":404}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void status(HttpExchange x, String job) throws IOException {
        AtomicInteger n = polls.get(job);
        if (n == null) {
            json(x, 404, "{\"message\":\"job not found\",\"code\":\"not.found\",\"status\":404}");
            return;
        }
        int poll = n.incrementAndGet();
        String state = poll <= queuedPolls ? "QUEUED" : poll == queuedPolls + 1 ? "PENDING" : "FULFILLED";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        json(x, 200, "{\"state\":\"" + state + "\",\"submissionDate\":\"" + now.minusSeconds(poll) + "\",\"expirationDate\":\""
                + now.plus(Duration.ofDays(1)) + "\"" + (state.equals("FULFILLED") ? ",\"completionDate\":\"" + now + "\"" : "") + "}");
    }

    /** Pages of the conversations whose day lies in the job's interval; the cursor is an opaque offset. */
    private void results(HttpExchange x, String job) throws IOException {
        String interval = submitted.get(job);
        AtomicInteger n = polls.get(job);
        if (interval == null || n == null || n.get() <= queuedPolls + 1) {
            json(x, 400, "{\"message\":\"job " + job + " is not fulfilled\",\"code\":\"bad.request\",\"status\":400}");
            return;
        }
        Map<String, String> q = query(x.getRequestURI());
        int size = q.containsKey("pageSize") ? Integer.parseInt(q.get("pageSize")) : 100;
        int offset = q.containsKey("cursor") ? Integer.parseInt(new String(Base64.getUrlDecoder().decode(q.get("cursor")),
                StandardCharsets.UTF_8).substring("offset:".length())) : 0;
        String[] iv = interval.split("/");
        Instant from = Instant.parse(iv[0]);
        Instant to = Instant.parse(iv[1]);
        List<String> in = ids.stream().filter(id -> {
            Instant start = start(id);
            return !start.isBefore(from) && start.isBefore(to);
        }).toList();
        StringBuilder b = new StringBuilder("{\"conversations\":[");
        int end = Math.min(in.size(), offset + size);
        for (int i = offset; i < end; i++) {
            String id = in.get(i);
            b.append(i > offset ? "," : "").append("{\"conversationId\":\"").append(id).append("\",\"conversationStart\":\"")
                    .append(start(id)).append("\",\"conversationEnd\":\"").append(start(id).plusMillis(1_300_500))
                    .append("\",\"originatingDirection\":\"inbound\",\"divisionIds\":[\"b44d8e2a-0000-4c1d-9e8f-0a1b2c3d4e5f\"]}");
        }
        b.append("],\"dataAvailabilityDate\":\"").append(availableUntil).append("\"");
        if (end < in.size()) {
            b.append(",\"cursor\":\"").append(Base64.getUrlEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)))
                    .append("\"");
        }
        json(x, 200, b.append("}").toString());
    }

    /** The template conversation starts 15:00:00Z and ends 15:21:40.5Z on its day. */
    private Instant start(String id) {
        return dayOf.get(id).atTime(15, 0).toInstant(ZoneOffset.UTC);
    }

    private String moved(String template, String id) {
        return template.replace(TEMPLATE_ID, id).replace(TEMPLATE_DAY.toString(), dayOf.get(id).toString());
    }

    private static final Pattern EPOCH_MS = Pattern.compile("(\"(?:startTime|startTimeMs|endTime|endTimeMs)\"\\s*:\\s*)(1[0-9]{12})");

    /** Absolute epoch times in a transcript moved by the days between the template's day and the conversation's. */
    private String shifted(String json, String id) {
        long shift = ChronoUnit.DAYS.between(TEMPLATE_DAY, dayOf.get(id)) * 86_400_000L;
        Matcher m = EPOCH_MS.matcher(json);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group(1) + (Long.parseLong(m.group(2)) + shift));
        }
        return m.appendTail(b).toString();
    }

    private String metadataOf(String id) {
        int kind = kindOf.get(id);
        if (kind == 7 || kind == 8) {
            return "[]";
        }
        String all = moved(metadata, id);
        if (kind == 9) {
            // keep only the screen recording object
            int at = all.indexOf("\"media\": \"screen\"");
            int open = all.lastIndexOf("\n  {", at);
            int close = all.indexOf("\n  }", at);
            return "[" + all.substring(open, close + 4) + "\n]";
        }
        return all;
    }

    private interface Body {
        String get();
    }

    private void known(HttpExchange x, String id, Body body) throws IOException {
        if (!dayOf.containsKey(id)) {
            json(x, 404, "{\"message\":\"conversation " + id + " not found\",\"code\":\"not.found\",\"status\":404}");
        } else {
            json(x, 200, body.get());
        }
    }

    private void hit(String kind, String id) {
        counts.computeIfAbsent(kind + " " + id, k -> new AtomicInteger()).incrementAndGet();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.getResponseHeaders().set("ININ-Correlation-Id", "fleet-" + status);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
