package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * `recguard serve` as a real process, killed with SIGKILL right after it acknowledged an event,
 * then started again on the same var/ folder: the event is decided and carried out once, and no
 * archived object gets a second version. Prints the time from restart to all work done.
 */
class ServiceProcessKillTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_killed_service_restarted_on_its_data_loses_nothing_and_writes_nothing_twice() throws Exception {
        GenesysStub.token(wm, "tok-kill");
        GenesysStub.conversation(wm);
        wm.stubFor(get(urlPathMatching(API + "/conversations/" + CONVERSATION_ID + "/recordings/[^/]+"))
                .willReturn(okJson("{\"id\":\"r\",\"mediaUris\":{\"S\":{\"mediaUri\":\"http://127.0.0.1:" + wm.getPort()
                        + "/media/audio.wav\"}}}").withFixedDelay(300)));
        // The media answers slowly, so a kill once it is asked for lands mid-action, before the archive.
        wm.stubFor(get(urlPathEqualTo("/media/audio.wav")).willReturn(aResponse().withStatus(200).withBody(new byte[256 * 1024])
                .withFixedDelay(1_500)));
        wm.stubFor(patch(urlPathMatching(API + "/conversations/calls/.*/participants/.*/attributes")).willReturn(okJson("{}")));
        wm.stubFor(put(urlPathEqualTo(API + "/recordings/deletionprotection")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(API + "/quality/evaluations/query"))
                .willReturn(okJson("{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0}")));
        wm.stubFor(post(urlPathMatching(API + "/quality/conversations/.*/evaluations")).willReturn(okJson("{\"id\":\"e\"}")));

        S3Server s3server = SharedServers.any();
        S3Settings s3 = new S3Settings(s3server.endpoint(), "us-east-1", s3server.accessKey(), s3server.secretKey());
        String template = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-{region}";
        String bucket = template.replace("{region}", "us-east-1");
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            TestBuckets.locked(admin, bucket);
        }
        int port = Processes.freePort();
        Map<String, String> env = new HashMap<>(GenesysStub.env(wm));
        Files.createDirectories(tmp.resolve("var"));
        Files.writeString(tmp.resolve("var/operators.csv"), "kill-test,viewer," + Operators.hashOf("kill-operator") + "\n");
        env.putAll(Map.of("RECGUARD_EVENT_TOKEN", "kill-token", "RECGUARD_PORT", String.valueOf(port),
                "RECGUARD_VAR", tmp.resolve("var").toString(), "RECGUARD_POLL_MS", "50",
                "RECGUARD_ARCHIVE_BUCKET", template, "RECGUARD_FIXTURES", tmp.resolve("no-fixtures").toString(),
                "AWS_ENDPOINT_URL_S3", s3server.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", s3server.accessKey(), "AWS_SECRET_ACCESS_KEY", s3server.secretKey()));

        Process first = serve(env, tmp.resolve("serve-1.log"));
        awaitUp(port, first, tmp.resolve("serve-1.log"));
        String event = """
            {"detail-type":"v2.detail.events.conversation.{id}.customer.end","source":"aws.partner/genesys.com",
             "detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
             "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}""".formatted(CONVERSATION_ID, CONVERSATION_ID);
        var ack = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Authorization", "Bearer kill-token").POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(202);
        awaitMediaRequested(); // the marker: the action is in flight (its media download has started)
        first.destroyForcibly().waitFor();
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/media/audio.wav")))).as("killed during the first download")
                .hasSize(1);
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            assertThat(admin.listObjectVersions(b -> b.bucket(bucket)).versions()).as("nothing archived before the kill")
                    .noneMatch(v -> v.key().endsWith("/manifest.json"));
        }

        long restart = System.nanoTime();
        Process second = serve(env, tmp.resolve("serve-2.log"));
        try {
            awaitUp(port, second, tmp.resolve("serve-2.log"));
            boolean done = false;
            for (int i = 0; i < 600 && !done; i++) {
                String ready = fetch(port, "/ready");
                String decision = fetch(port, "/decisions/" + CONVERSATION_ID);
                done = ready.contains("\"outboxDepth\":0") && decision.contains("\"conversationId\"");
                if (!done) {
                    Thread.sleep(100);
                }
            }
            double recovery = (System.nanoTime() - restart) / 1e9;
            System.out.printf("service recovery after SIGKILL: %.2f s from restart to all actions done%n", recovery);
            assertThat(done).as("work finished after the restart; log: " + Processes.tail(tmp.resolve("serve-2.log"))).isTrue();
            assertThat(fetch(port, "/deadletters")).isEqualTo("{\"items\":[],\"next\":null}");
        } finally {
            second.destroy();
            second.waitFor();
        }
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            var versions = admin.listObjectVersions(b -> b.bucket(bucket)).versions();
            assertThat(versions).isNotEmpty();
            assertThat(versions.stream().map(v -> v.key()).distinct().count()).as("one version per key").isEqualTo(versions.size());
            assertThat(versions).anyMatch(v -> v.key().endsWith("/manifest.json"));
        }
    }

    private static void awaitMediaRequested() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (!wm.findAll(getRequestedFor(urlPathEqualTo("/media/audio.wav"))).isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service never asked for the recording's media");
    }

    private String fetch(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer kill-operator").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Process serve(Map<String, String> env, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-cp", Processes.testClasspath(), "com.recguard.cli.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private void awaitUp(int port, Process p, Path log) {
        Processes.awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(90), p, log);
    }
}
