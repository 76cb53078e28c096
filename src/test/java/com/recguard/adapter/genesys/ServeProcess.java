package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.http.Operators;
import com.recguard.servers.Processes;
import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * A real {@code recguard serve} process on its own var/ folder, against a WireMock Genesys and a
 * locked bucket on a local S3 server: started, restarted on the same data, sent events and asked
 * questions over HTTP like an operator would.
 */
final class ServeProcess {

    static final String EVENT_TOKEN = "serve-event-token";
    static final String OPERATOR_TOKEN = "serve-operator-token";

    final Path dir;
    final int port = Processes.freePort();
    final Map<String, String> env = new HashMap<>();
    final S3Settings s3;
    final String bucket;
    private final HttpClient http = HttpClient.newHttpClient();
    private int starts;

    ServeProcess(WireMockExtension wm, Path dir, Map<String, String> extra) throws Exception {
        this.dir = dir;
        S3Server s3server = SharedServers.any();
        s3 = new S3Settings(s3server.endpoint(), "us-east-1", s3server.accessKey(), s3server.secretKey());
        String template = "serve-" + UUID.randomUUID().toString().substring(0, 8) + "-{region}";
        bucket = template.replace("{region}", "us-east-1");
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            TestBuckets.locked(admin, bucket);
        }
        Files.createDirectories(dir.resolve("var"));
        Files.writeString(dir.resolve("var/operators.csv"), "serve-test,viewer," + Operators.hashOf(OPERATOR_TOKEN) + "\n");
        env.putAll(GenesysStub.env(wm));
        env.putAll(Map.of("RECGUARD_EVENT_TOKEN", EVENT_TOKEN, "RECGUARD_PORT", String.valueOf(port),
                "RECGUARD_VAR", dir.resolve("var").toString(), "RECGUARD_POLL_MS", "50",
                "RECGUARD_ARCHIVE_BUCKET", template, "RECGUARD_FIXTURES", dir.resolve("no-fixtures").toString(),
                "AWS_ENDPOINT_URL_S3", s3server.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", s3server.accessKey(), "AWS_SECRET_ACCESS_KEY", s3server.secretKey()));
        env.putAll(extra);
    }

    /** The stub conversation of src/test/resources/genesys with everything its actions call. */
    static void conversationWithActions(WireMockExtension wm) {
        GenesysStub.token(wm, "tok-serve");
        GenesysStub.conversation(wm);
        wm.stubFor(get(urlPathMatching(API + "/conversations/" + CONVERSATION_ID + "/recordings/[^/]+"))
                .willReturn(okJson("{\"id\":\"r\",\"mediaUris\":{\"S\":{\"mediaUri\":\"http://127.0.0.1:" + wm.getPort()
                        + "/media/audio.wav\"}}}")));
        wm.stubFor(patch(urlPathMatching(API + "/conversations/calls/.*/participants/.*/attributes")).willReturn(okJson("{}")));
        wm.stubFor(put(urlPathEqualTo(API + "/recordings/deletionprotection")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(API + "/quality/evaluations/query"))
                .willReturn(okJson("{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0}")));
        wm.stubFor(post(urlPathMatching(API + "/quality/conversations/.*/evaluations")).willReturn(okJson("{\"id\":\"e\"}")));
    }

    Path log(int start) {
        return dir.resolve("serve-" + start + ".log");
    }

    /** Starts the service and waits until its port answers. */
    Process start() throws Exception {
        int n = ++starts;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-cp", Processes.testClasspath(), "com.recguard.cli.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(n).toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Processes.awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(120), p, log(n));
        return p;
    }

    String lastLog() {
        return Processes.tail(log(starts));
    }

    int sendEnd(String conversationId) throws Exception {
        String event = """
            {"detail-type":"v2.detail.events.conversation.{id}.customer.end","source":"aws.partner/genesys.com",
             "detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
             "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}""".formatted(conversationId, conversationId);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                        .header("Authorization", "Bearer " + EVENT_TOKEN).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    String fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits (polling its HTTP API) until the conversation has a decision and the outbox is empty. */
    boolean awaitDone(String conversationId, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (fetch("/ready").contains("\"outboxDepth\":0") && fetch("/decisions/" + conversationId).contains("\"conversationId\"")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    List<ObjectVersion> versions() {
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            return admin.listObjectVersions(b -> b.bucket(bucket)).versions();
        }
    }
}
