package com.recguard.adapter.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.recguard.archive.BucketLock;
import com.recguard.archive.Content;
import com.recguard.archive.Location;
import com.recguard.archive.Protection;
import com.recguard.archive.PutResult;
import com.recguard.archive.StoreException;
import com.recguard.archive.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lock and hold requests the Azure adapter sends, checked against the Azure Storage REST
 * reference (Put Blob, Set Blob Immutability Policy, Set Legal Hold, Get Container Properties)
 * on a local recording HTTP server, because Azurite answers these with 501 Not Implemented.
 * The refusals ({@code 409 BlobImmutableDueToPolicy} / {@code BlobImmutableDueToLegalHold}) are
 * replayed in the documented error format (header {@code x-ms-error-code} and an XML
 * {@code <Error>} body); they were not captured from a live account.
 */
class AzureLockRequestsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's published development key; any base64 key works against the recording server. */
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static final Location AT = new Location("eu-west-1", "recguard-archive-eu-west-1");
    static final String KEY_PATH = "conversations/c-1/media/r-1.wav";
    /** The SDK sends the blob name's slashes encoded, as the REST reference allows. */
    static final String BLOB = "/" + ACCOUNT + "/" + AT.bucket() + "/" + KEY_PATH.replace("/", "%2F");
    static final String VERSION = "2026-03-03T08:00:00.0000000Z";
    static final Instant UNTIL = Instant.parse("2033-03-03T00:00:00Z");
    static final String UNTIL_RFC1123 = "Thu, 03 Mar 2033 00:00:00 GMT";

    AzureBlobObjectStore store;

    @BeforeEach
    void connect() {
        store = new AzureBlobObjectStore(new AzureSettings("http://127.0.0.1:" + wm.getPort() + "/" + ACCOUNT, null, ACCOUNT, KEY, null));
    }

    static ResponseDefinitionBuilder ok(int status) {
        return aResponse().withStatus(status).withHeader("x-ms-request-id", "r-1").withHeader("x-ms-version", "2026-02-06")
                .withHeader("Date", "Tue, 03 Mar 2026 08:00:00 GMT");
    }

    /** Azure's error response: the code in a header and in the XML body. */
    static ResponseDefinitionBuilder refused(int status, String code, String message) {
        return ok(status).withHeader("x-ms-error-code", code).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "\nRequestId:r-1\nTime:2026-03-03T08:00:00.0000000Z</Message></Error>");
    }

    static ResponseDefinitionBuilder blobProperties(String mode, String until, boolean hold) {
        ResponseDefinitionBuilder r = ok(200).withHeader("Content-Length", "5").withHeader("x-ms-blob-type", "BlockBlob")
                .withHeader("ETag", "\"0x1\"").withHeader("Last-Modified", "Tue, 03 Mar 2026 08:00:00 GMT")
                .withHeader("x-ms-version-id", VERSION).withHeader("x-ms-is-current-version", "true")
                .withHeader("x-ms-meta-sha256", "c2hh").withHeader("x-ms-legal-hold", String.valueOf(hold));
        if (mode != null) {
            r = r.withHeader("x-ms-immutability-policy-mode", mode).withHeader("x-ms-immutability-policy-until-date", until);
        }
        return r;
    }

    static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void a_create_sends_if_none_match_a_locked_policy_until_retain_until_the_legal_hold_the_sha256_and_content_md5() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).willReturn(ok(201).withHeader("ETag", "\"0x1\"")
                .withHeader("Last-Modified", "Tue, 03 Mar 2026 08:00:00 GMT").withHeader("x-ms-version-id", VERSION)
                .withHeader("x-ms-request-server-encrypted", "true")));
        Content audio = Content.ofBytes("audio".getBytes(StandardCharsets.UTF_8), "audio/wav");

        PutResult r = store.putIfAbsent(AT, KEY_PATH, audio, new Protection(UNTIL, true));

        assertThat(r).isEqualTo(new PutResult(true, VERSION));
        LoggedRequest q = only(wm.findAll(putRequestedFor(urlPathEqualTo(BLOB))));
        assertThat(q.getQueryParams()).as("a plain Put Blob, no comp=").isEmpty();
        assertThat(q.getHeader("If-None-Match")).isEqualTo("*");
        assertThat(q.getHeader("x-ms-blob-type")).isEqualTo("BlockBlob");
        assertThat(q.getHeader("x-ms-immutability-policy-mode")).isEqualTo("Locked");
        assertThat(q.getHeader("x-ms-immutability-policy-until-date")).isEqualTo(UNTIL_RFC1123);
        assertThat(q.getHeader("x-ms-legal-hold")).isEqualTo("true");
        assertThat(q.getHeader("x-ms-meta-sha256")).isEqualTo(audio.sha256Base64());
        assertThat(q.getHeader("Content-MD5")).as("checked by the service").isEqualTo(audio.md5Base64());
        assertThat(q.getHeader("x-ms-blob-content-md5")).as("kept with the blob").isEqualTo(audio.md5Base64());
        assertThat(q.getHeader("x-ms-blob-content-type")).isEqualTo("audio/wav");
        assertThat(q.getBodyAsString()).isEqualTo("audio");
    }

    @Test
    void a_create_without_a_hold_says_so_explicitly() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).willReturn(ok(201).withHeader("x-ms-version-id", VERSION)));
        store.putIfAbsent(AT, KEY_PATH, Content.ofBytes(new byte[] {1}, "audio/wav"), new Protection(UNTIL, false));
        assertThat(only(wm.findAll(putRequestedFor(urlPathEqualTo(BLOB)))).getHeader("x-ms-legal-hold")).isEqualTo("false");
    }

    @Test
    void extending_retention_sets_a_locked_immutability_policy_on_that_version_until_the_new_date() {
        wm.stubFor(head(urlPathEqualTo(BLOB)).willReturn(blobProperties("locked", "Wed, 02 Mar 2033 00:00:00 GMT", false)));
        wm.stubFor(put(urlPathEqualTo(BLOB)).withQueryParam("comp", equalTo("immutabilityPolicies"))
                .willReturn(ok(200).withHeader("x-ms-immutability-policy-mode", "locked")
                        .withHeader("x-ms-immutability-policy-until-date", UNTIL_RFC1123)));

        assertThat(store.extendRetention(AT, KEY_PATH, VERSION, UNTIL)).isTrue();

        LoggedRequest q = only(wm.findAll(putRequestedFor(urlPathEqualTo(BLOB))));
        assertThat(q.queryParameter("comp").firstValue()).isEqualTo("immutabilityPolicies");
        assertThat(q.queryParameter("versionid").firstValue()).isEqualTo(VERSION);
        assertThat(q.getHeader("x-ms-immutability-policy-mode")).isEqualTo("Locked");
        assertThat(q.getHeader("x-ms-immutability-policy-until-date")).isEqualTo(UNTIL_RFC1123);
    }

    @Test
    void a_shorter_retention_is_refused_before_any_request_changes_the_policy() {
        wm.stubFor(head(urlPathEqualTo(BLOB)).willReturn(blobProperties("locked", UNTIL_RFC1123, false)));

        assertThatThrownBy(() -> store.extendRetention(AT, KEY_PATH, VERSION, Instant.parse("2030-01-01T00:00:00Z")))
                .isInstanceOf(StoreException.class).hasMessageContaining("refused to shorten")
                .hasMessageContaining("retention can only be extended");
        assertThat(store.extendRetention(AT, KEY_PATH, VERSION, UNTIL)).as("same date, already locked").isFalse();
        assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(BLOB)))).isEmpty();
    }

    @Test
    void a_legal_hold_is_set_and_released_on_one_version_with_comp_legalhold() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).withQueryParam("comp", equalTo("legalhold"))
                .withHeader("x-ms-legal-hold", equalTo("true")).willReturn(ok(200).withHeader("x-ms-legal-hold", "true")));
        wm.stubFor(put(urlPathEqualTo(BLOB)).withQueryParam("comp", equalTo("legalhold"))
                .withHeader("x-ms-legal-hold", equalTo("false")).willReturn(ok(200).withHeader("x-ms-legal-hold", "false")));

        store.setLegalHold(AT, KEY_PATH, VERSION, true);
        store.setLegalHold(AT, KEY_PATH, VERSION, false);

        List<LoggedRequest> qs = wm.findAll(putRequestedFor(urlPathEqualTo(BLOB)));
        assertThat(qs).extracting(q -> q.queryParameter("comp").firstValue()).containsExactly("legalhold", "legalhold");
        assertThat(qs).extracting(q -> q.queryParameter("versionid").firstValue()).containsExactly(VERSION, VERSION);
        assertThat(qs).extracting(q -> q.getHeader("x-ms-legal-hold")).containsExactly("true", "false");
        assertThat(qs).allSatisfy(q -> assertThat(q.getHeader("x-ms-immutability-policy-mode")).isNull());
    }

    @Test
    void a_locked_policy_reads_as_compliance_an_unlocked_one_as_governance() {
        wm.stubFor(head(urlPathEqualTo(BLOB)).willReturn(blobProperties("locked", UNTIL_RFC1123, true)));
        StoredObject o = store.head(AT, KEY_PATH, null).orElseThrow();
        assertThat(o.lockMode()).isEqualTo(Protection.MODE);
        assertThat(o.retainUntil()).isEqualTo(UNTIL);
        assertThat(o.legalHold()).isTrue();
        assertThat(o.versionId()).isEqualTo(VERSION);
        assertThat(o.sha256Base64()).isEqualTo("c2hh");

        wm.stubFor(head(urlPathEqualTo(BLOB)).willReturn(blobProperties("unlocked", UNTIL_RFC1123, false)));
        assertThat(store.head(AT, KEY_PATH, null).orElseThrow().lockMode()).isEqualTo("GOVERNANCE");

        wm.stubFor(head(urlPathEqualTo(BLOB)).willReturn(blobProperties(null, null, false)));
        assertThat(store.head(AT, KEY_PATH, null).orElseThrow().lockMode()).isNull();
    }

    @Test
    void a_create_refused_because_the_blob_is_immutable_due_to_policy_means_the_key_is_taken() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).willReturn(refused(409, "BlobImmutableDueToPolicy",
                "This operation is not permitted as the blob is immutable due to a policy.")));
        assertThat(store.putIfAbsent(AT, KEY_PATH, Content.ofBytes(new byte[] {1}, "audio/wav"), new Protection(UNTIL, false)))
                .isEqualTo(PutResult.exists());
    }

    @Test
    void a_create_refused_because_the_blob_is_under_legal_hold_means_the_key_is_taken() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).willReturn(refused(409, "BlobImmutableDueToLegalHold",
                "This operation is not permitted as the blob is immutable due to one or more legal holds.")));
        assertThat(store.putIfAbsent(AT, KEY_PATH, Content.ofBytes(new byte[] {1}, "audio/wav"), new Protection(UNTIL, true)))
                .isEqualTo(PutResult.exists());
    }

    @Test
    void a_create_over_an_existing_blob_means_the_key_is_taken() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).willReturn(refused(409, "BlobAlreadyExists", "The specified blob already exists.")));
        assertThat(store.putIfAbsent(AT, KEY_PATH, Content.ofBytes(new byte[] {1}, "audio/wav"), new Protection(UNTIL, false)))
                .isEqualTo(PutResult.exists());
    }

    @Test
    void an_immutability_refusal_of_a_policy_change_names_the_blob_the_code_and_what_it_means() {
        wm.stubFor(head(urlPathEqualTo(BLOB)).willReturn(blobProperties("locked", "Wed, 02 Mar 2033 00:00:00 GMT", false)));
        wm.stubFor(put(urlPathEqualTo(BLOB)).withQueryParam("comp", equalTo("immutabilityPolicies"))
                .willReturn(refused(409, "BlobImmutableDueToPolicy", "This operation is not permitted as the blob is immutable due to a policy.")));

        assertThatThrownBy(() -> store.extendRetention(AT, KEY_PATH, VERSION, UNTIL))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("Set Blob Immutability Policy azure://recguard-archive-eu-west-1/" + KEY_PATH)
                .hasMessageContaining("HTTP 409 BlobImmutableDueToPolicy")
                .hasMessageContaining("under an immutability policy");
    }

    @Test
    void a_legal_hold_refusal_is_a_store_error_that_says_a_hold_blocks_the_change() {
        wm.stubFor(put(urlPathEqualTo(BLOB)).withQueryParam("comp", equalTo("legalhold"))
                .willReturn(refused(409, "BlobImmutableDueToLegalHold", "This operation is not permitted as the blob is immutable due to one or more legal holds.")));

        assertThatThrownBy(() -> store.setLegalHold(AT, KEY_PATH, VERSION, true))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("HTTP 409 BlobImmutableDueToLegalHold").hasMessageContaining("under a legal hold");
    }

    @Test
    void preflight_reads_version_level_immutability_from_the_container_properties() {
        String container = "/" + ACCOUNT + "/" + AT.bucket();
        wm.stubFor(any(urlPathEqualTo(container)).withQueryParam("restype", equalTo("container"))
                .willReturn(ok(200).withHeader("ETag", "\"0x2\"").withHeader("Last-Modified", "Tue, 03 Mar 2026 08:00:00 GMT")
                        .withHeader("x-ms-immutable-storage-with-versioning-enabled", "true")
                        .withHeader("x-ms-has-immutability-policy", "false").withHeader("x-ms-has-legal-hold", "false")));
        assertThat(store.bucketLock(AT)).isEqualTo(BucketLock.azureContainer(true, true));

        wm.stubFor(any(urlPathEqualTo(container)).withQueryParam("restype", equalTo("container"))
                .willReturn(ok(200).withHeader("ETag", "\"0x2\"").withHeader("Last-Modified", "Tue, 03 Mar 2026 08:00:00 GMT")));
        assertThat(store.bucketLock(AT)).isEqualTo(BucketLock.azureContainer(true, false));

        wm.stubFor(any(urlPathEqualTo(container)).withQueryParam("restype", equalTo("container"))
                .willReturn(ok(404).withHeader("x-ms-error-code", "ContainerNotFound")));
        assertThat(store.bucketLock(AT)).isEqualTo(BucketLock.azureContainer(false, false));
    }
}
