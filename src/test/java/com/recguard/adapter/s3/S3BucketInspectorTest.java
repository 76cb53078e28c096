package com.recguard.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;

import com.recguard.config.BucketState;
import com.recguard.servers.MotoServer;
import com.recguard.servers.SharedServers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * The bucket inspector against moto_server behind a small S3 front on 127.0.0.1 that behaves like
 * AWS for a bucket in another region: a request signed for any other region than the bucket's is
 * answered 301 with {@code x-amz-bucket-region}; a request signed for the bucket's region goes to moto.
 */
class S3BucketInspectorTest {

    static final String HOME = "us-west-2";
    private static final Pattern SIGNED_REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/s3/");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    MotoServer moto;
    HttpServer front;
    HttpClient http;
    String bucket;
    final AtomicInteger redirects = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        moto = SharedServers.moto();
        bucket = "cross-region-" + UUID.randomUUID().toString().substring(0, 8);
        http = HttpClient.newHttpClient();
        front = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        front.createContext("/", this::handle);
        front.start();
    }

    @AfterEach
    void stop() {
        front.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Matcher m = SIGNED_REGION.matcher(auth == null ? "" : auth);
            String signedFor = m.find() ? m.group(1) : "";
            if (ex.getRequestURI().getPath().startsWith("/" + bucket) && !signedFor.equals(HOME)) {
                redirects.incrementAndGet();
                ex.getResponseHeaders().add("x-amz-bucket-region", HOME);
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PermanentRedirect</Code><Message>The bucket"
                        + " you are attempting to access must be addressed using the specified endpoint.</Message><Bucket>" + bucket
                        + "</Bucket></Error>").getBytes(StandardCharsets.UTF_8);
                boolean head = ex.getRequestMethod().equals("HEAD");
                ex.sendResponseHeaders(301, head ? -1 : body.length);
                if (!head) {
                    ex.getResponseBody().write(body);
                }
                return;
            }
            byte[] in;
            try (InputStream is = ex.getRequestBody()) {
                in = is.readAllBytes();
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(moto.endpoint().toString().replaceAll("/$", "")
                    + ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())))
                    .method(ex.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(in));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase())) {
                    vs.forEach(v -> rb.header(k, v));
                }
            });
            HttpResponse<byte[]> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().map().forEach((k, vs) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase()) && !k.startsWith(":")) {
                    vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
            });
            boolean empty = ex.getRequestMethod().equals("HEAD") || r.body().length == 0;
            ex.sendResponseHeaders(r.statusCode(), empty ? -1 : r.body().length);
            if (!empty) {
                ex.getResponseBody().write(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private S3Settings throughFront(String region) {
        S3Settings m = moto.settings();
        return new S3Settings(URI.create("http://127.0.0.1:" + front.getAddress().getPort()), region, m.accessKeyId(), m.secretAccessKey());
    }

    private void lockedBucketInHome() {
        S3Client raw = S3ObjectStore.newClient(moto.settings(), HOME);
        raw.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true).createBucketConfiguration(c -> c.locationConstraint(HOME)));
        raw.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(7)))));
        String folder = "org-1/year=2026/month=3/day=5/hour=14/conversation_id=c-1/";
        raw.putObject(b -> b.bucket(bucket).key(folder + "rec-1.opus").checksumAlgorithm(CRC32), RequestBody.fromString("audio"));
        raw.putObject(b -> b.bucket(bucket).key(folder + "rec-1_metadata.json").checksumAlgorithm(CRC32), RequestBody.fromString("{}"));
        raw.putObject(b -> b.bucket(bucket).key(folder + "rec-2.opus").checksumAlgorithm(CRC32), RequestBody.fromString("audio"));
    }

    @Test
    void a_bucket_in_another_region_is_read_through_a_client_for_the_region_the_301_names() {
        lockedBucketInHome();

        BucketState s;
        try (S3BucketInspector inspector = new S3BucketInspector(throughFront("eu-west-1"))) {
            s = inspector.describe(bucket, "eu-west-1");
        }

        assertThat(redirects.get()).as("the front answered 301 to the first client").isPositive();
        assertThat(s.error()).isNull();
        assertThat(s.exists()).isTrue();
        assertThat(s.location()).isEqualTo(HOME);
        assertThat(s.objectLock()).isTrue();
        assertThat(s.defaultMode()).isEqualTo("COMPLIANCE");
    }

    @Test
    void an_exported_recording_without_its_metadata_file_is_listed() {
        lockedBucketInHome();

        BucketState s;
        try (S3BucketInspector inspector = new S3BucketInspector(throughFront(HOME))) {
            s = inspector.describe(bucket, HOME);
        }

        assertThat(s.sampledRecordings()).isEqualTo(2);
        assertThat(s.withoutMetadata()).isEqualTo(List.of("org-1/year=2026/month=3/day=5/hour=14/conversation_id=c-1/rec-2.opus"));
    }
}
