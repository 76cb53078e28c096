package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.adapter.azure.AzureBlobObjectStore;
import com.recguard.servers.ArchiveTarget;
import com.recguard.servers.AzuriteServer;
import com.recguard.servers.SharedServers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The archive contract on Azurite, through the Azure adapter: upload, metadata, conditional
 * create, read-back, verify and a crash between media and manifest run on the real server; the
 * lock and hold tests and assertions are skipped with the reason printed (Azurite implements
 * neither; see {@link AzuriteServer}). Plus what the adapter itself must do on a real Azure
 * endpoint, without the test stand-in.
 */
class AzuriteArchiveTest extends ArchiveContract {

    @Override
    ArchiveTarget target() {
        return SharedServers.azurite();
    }

    @Test
    void a_create_only_write_never_replaces_an_existing_blob() throws Exception {
        admin.plain(at.bucket());
        try (AzureBlobObjectStore adapter = SharedServers.azurite().adapter()) {
            Content first = Content.ofBytes("first".getBytes(StandardCharsets.UTF_8), "audio/wav");
            Content second = Content.ofBytes("second".getBytes(StandardCharsets.UTF_8), "audio/wav");

            assertThat(adapter.putIfAbsent(at, "k", first, new Protection(java.time.Instant.parse("2033-01-01T00:00:00Z"), false)).created()).isTrue();
            assertThat(adapter.putIfAbsent(at, "k", second, new Protection(java.time.Instant.parse("2033-01-01T00:00:00Z"), false)))
                    .isEqualTo(PutResult.exists());

            try (InputStream in = adapter.get(at, "k", null)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first");
            }
            StoredObject o = adapter.head(at, "k", null).orElseThrow();
            assertThat(o.size()).isEqualTo(5);
            assertThat(o.sha256Base64()).as("kept as blob metadata").isEqualTo(first.sha256Base64());
        }
    }

    @Test
    void the_adapter_alone_refuses_an_azurite_container_since_it_has_no_version_level_immutability() {
        admin.plain(at.bucket());
        try (AzureBlobObjectStore adapter = SharedServers.azurite().adapter()) {
            assertThat(adapter.bucketLock(at)).isEqualTo(BucketLock.azureContainer(true, false));
            assertThatThrownBy(() -> new Archiver(adapter, codec, buckets, CLOCK).archive(Conversations.request("c-az", false, tmp, 64)))
                    .isInstanceOf(ArchiveException.class).hasMessageContaining("az storage container-rm migrate-vlw");
            assertThat(adapter.versions(at, Keys.prefix("c-az"))).isEmpty();
        }
    }

    @Test
    void a_corrupted_upload_is_rejected_by_the_server_through_content_md5() {
        admin.plain(at.bucket());
        // Azurite, like Azure, checks the transactional Content-MD5 of Put Blob.
        try (AzureBlobObjectStore adapter = SharedServers.azurite().adapter()) {
            Content c = Content.ofBytes("audio".getBytes(StandardCharsets.UTF_8), "audio/wav");
            var raw = AzureBlobObjectStore.newClient(SharedServers.azurite().settings())
                    .getBlobContainerClient(at.bucket()).getBlobClient("bad").getBlockBlobClient();
            var opts = new com.azure.storage.blob.options.BlockBlobSimpleUploadOptions(
                    com.azure.core.util.BinaryData.fromBytes("AUDIO".getBytes(StandardCharsets.UTF_8)))
                    .setContentMd5(java.util.Base64.getDecoder().decode(c.md5Base64()));
            assertThatThrownBy(() -> raw.uploadWithResponse(opts, null, null))
                    .isInstanceOfSatisfying(com.azure.storage.blob.models.BlobStorageException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(400));
            assertThat(adapter.head(at, "bad", null)).isEmpty();
        }
    }
}
