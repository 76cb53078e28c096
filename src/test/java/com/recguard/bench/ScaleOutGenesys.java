package com.recguard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Genesys Cloud stand-in over HTTP for the scale-out bench: every conversation id it is asked
 * about is the conversation of {@code src/test/resources/genesys} (the JSON the Genesys adapter
 * tests use, shaped from the platform-client-v2 models; docs/genesys.md lists the sources) with
 * that id put in, and every call is answered after a fixed latency. Only the agents' sessions are
 * flagged as recorded, so the decision settles on the first gather (as
 * {@code GenesysStub.detailWithAgentRecordingsOnly} does for the adapter tests). It counts the
 * calls that change something in Genesys, per conversation, so the bench can tell an action done
 * twice. Unknown paths answer a Genesys-shaped 404 and are counted.
 */
final class ScaleOutGenesys implements AutoCloseable {

    static final String TEMPLATE_ID = "5d8c2f1e-6a4b-4c3d-9e8f-7a6b5c4d3e2f";
    static final String CLIENT_ID = "recguard-bench-client";
    static final String CLIENT_SECRET = "bench-secret";
    private static final String SECOND_AGENT_LEG = "b2d4f6a8-1008-4c3e-9f70-2b3c4d5e6f08";
    private static final String ID = "([0-9a-f-]{36})";
    private static final Pattern DETAILS = Pattern.compile("/api/v2/analytics/conversations/" + ID + "/details");
    private static final Pattern CONVERSATION = Pattern.compile("/api/v2/conversations/" + ID);
    private static final Pattern METADATA = Pattern.compile("/api/v2/conversations/" + ID + "/recordingmetadata");
    private static final Pattern TRANSCRIPT_URLS = Pattern.compile(
            "/api/v2/speechandtextanalytics/conversations/" + ID + "/communications/" + ID + "/transcripturls");
    private static final Pattern TRANSCRIPT_PART = Pattern.compile("/s3/transcripts/" + ID + "/" + ID + "-([12])\\.json");
    private static final Pattern RECORDING = Pattern.compile("/api/v2/conversations/" + ID + "/recordings/" + ID);
    private static final Pattern MEDIA = Pattern.compile("/media/" + ID + "/" + ID + "\\.wav");
    private static final Pattern ATTRIBUTES = Pattern.compile("/api/v2/conversations/calls/" + ID + "/participants/[^/]+/attributes");
    private static final Pattern EVALUATION = Pattern.compile("/api/v2/quality/conversations/" + ID + "/evaluations");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64, r -> {
        Thread t = new Thread(r, "genesys-stub");
        t.setDaemon(true);
        return t;
    });
    private final long latencyMs;
    private final int mediaBytes;
    private final String detail;
    private final String conversation;
    private final String metadata;
    private final String[] parts;
    /** "METHOD kind conversation" → calls. */
    final Map<String, AtomicInteger> changes = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, AtomicInteger> unknown = new ConcurrentHashMap<>();

    ScaleOutGenesys(long latencyMs, int mediaBytes) throws IOException {
        this.latencyMs = latencyMs;
        this.mediaBytes = mediaBytes;
        ObjectMapper json = new ObjectMapper();
        var d = json.readTree(resource("conversation-detail.json"));
        for (var p : d.get("participants")) {
            for (var s : p.path("sessions")) {
                if (!"agent".equals(p.path("purpose").asText())) {
                    ((ObjectNode) s).remove("recording");
                }
            }
        }
        this.detail = json.writeValueAsString(d);
        this.conversation = resource("conversation.json");
        this.metadata = resource("recordingmetadata.json");
        this.parts = new String[] {resource("transcript-part-1.json"), resource("transcript-part-2.json")};
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment a {@code recguard serve} node needs to talk to this stub. */
    Map<String, String> env() {
        return Map.of("GENESYS_BASE_URL", base(), "GENESYS_LOGIN_URL", base() + "/login", "GENESYS_CLIENT_ID", CLIENT_ID,
                "GENESYS_CLIENT_SECRET", CLIENT_SECRET, "GENESYS_QA_FORM_ID", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01",
                "GENESYS_QA_EVALUATOR_ID", "0e1f2a3b-eeee-4c5d-8e9f-0a1b2c3d4e09", "GENESYS_TIMEOUT_MS", "10000");
    }

    /** The n-th conversation id (a UUID, as Genesys' are). */
    static String conversationId(int n) {
        return String.format("5d8c2f1e-6a4b-4c3d-9e8f-%012x", 0x100000L + n);
    }

    private void handle(HttpExchange x) throws IOException {
        calls.incrementAndGet();
        try {
            Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        x.getRequestBody().readAllBytes();
        Matcher m;
        if (method.equals("POST") && path.equals("/login/oauth/token")) {
            json(x, 200, "{\"access_token\":\"tok-bench\",\"token_type\":\"bearer\",\"expires_in\":86400}");
        } else if (method.equals("GET") && (m = DETAILS.matcher(path)).matches()) {
            json(x, 200, detail.replace(TEMPLATE_ID, m.group(1)));
        } else if (method.equals("GET") && (m = METADATA.matcher(path)).matches()) {
            json(x, 200, metadata.replace(TEMPLATE_ID, m.group(1)));
        } else if (method.equals("GET") && (m = CONVERSATION.matcher(path)).matches()) {
            json(x, 200, conversation.replace(TEMPLATE_ID, m.group(1)));
        } else if (method.equals("GET") && (m = TRANSCRIPT_URLS.matcher(path)).matches()) {
            if (!m.group(2).equals(SECOND_AGENT_LEG)) {
                error(x, 404, "not.found", "No transcript exists for this communication");
                return;
            }
            String s3 = base() + "/s3/transcripts/" + m.group(1) + "/" + SECOND_AGENT_LEG;
            String recording = "6b7c8d9e-0d0d-48fa-51d2-4b5c6d7e8f01";
            // TranscriptUrls{conversation, communicationId, urls[SegmentUrl{recording, url}]}
            json(x, 200, "{\"conversation\":{\"id\":\"" + m.group(1) + "\"},\"communicationId\":\"" + SECOND_AGENT_LEG
                    + "\",\"urls\":[{\"recording\":{\"id\":\"" + recording + "\"},\"url\":\"" + s3 + "-1.json?X-Amz-Signature=b\"},"
                    + "{\"recording\":{\"id\":\"" + recording + "\"},\"url\":\"" + s3 + "-2.json?X-Amz-Signature=b\"}]}");
        } else if (method.equals("GET") && (m = TRANSCRIPT_PART.matcher(path)).matches()) {
            json(x, 200, parts[Integer.parseInt(m.group(3)) - 1].replace(TEMPLATE_ID, m.group(1)));
        } else if (method.equals("GET") && (m = RECORDING.matcher(path)).matches()) {
            // Recording{id, mediaUris{key: MediaResult{mediaUri}}}
            json(x, 200, "{\"id\":\"" + m.group(2) + "\",\"mediaUris\":{\"S\":{\"mediaUri\":\"" + base() + "/media/"
                    + m.group(1) + "/" + m.group(2) + ".wav\"}}}");
        } else if (method.equals("GET") && (m = MEDIA.matcher(path)).matches()) {
            byte[] body = new byte[mediaBytes];
            new Random(path.hashCode()).nextBytes(body);
            x.getResponseHeaders().add("Content-Type", "audio/wav");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        } else if (method.equals("PATCH") && (m = ATTRIBUTES.matcher(path)).matches()) {
            changes.computeIfAbsent("PATCH attributes " + m.group(1), k -> new AtomicInteger()).incrementAndGet();
            json(x, 200, "{}");
        } else if (method.equals("PUT") && path.equals("/api/v2/recordings/deletionprotection")) {
            changes.computeIfAbsent("PUT deletionprotection", k -> new AtomicInteger()).incrementAndGet();
            x.sendResponseHeaders(204, -1);
            x.close();
        } else if (method.equals("GET") && path.equals("/api/v2/quality/evaluations/query")) {
            json(x, 200, "{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0}");
        } else if (method.equals("POST") && (m = EVALUATION.matcher(path)).matches()) {
            changes.computeIfAbsent("POST evaluation " + m.group(1), k -> new AtomicInteger()).incrementAndGet();
            json(x, 200, "{\"id\":\"e-" + m.group(1) + "\"}");
        } else if (method.equals("GET") && path.equals("/api/v2/recording/settings")) {
            json(x, 200, "{\"maxSimultaneousStreams\":0,\"maxConfigurableScreenRecordingStreams\":2,\"regionalRecordingStorageEnabled\":false}");
        } else if (method.equals("GET") && path.equals("/api/v2/telephony/mediaregions")) {
            json(x, 200, "{\"awsHomeRegion\":\"us-east-1\",\"awsCoreRegions\":[\"us-east-1\",\"us-west-2\"],\"awsSatelliteRegions\":[]}");
        } else {
            unknown.computeIfAbsent(method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}"), k -> new AtomicInteger())
                    .incrementAndGet();
            error(x, 404, "not.found", "The requested resource was not found");
        }
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    /** A Genesys-shaped error (ErrorBody: message, code, status, messageParams, contextId, details, errors). */
    private static void error(HttpExchange x, int status, String code, String message) throws IOException {
        json(x, status, "{\"message\":\"" + message + "\",\"code\":\"" + code + "\",\"status\":" + status
                + ",\"messageParams\":{},\"contextId\":\"ctx-" + status + "\",\"details\":[],\"errors\":[]}");
    }

    private static String resource(String name) {
        try (InputStream in = ScaleOutGenesys.class.getResourceAsStream("/genesys/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource genesys/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
