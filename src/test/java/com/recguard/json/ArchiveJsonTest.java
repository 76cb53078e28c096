package com.recguard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.archive.ArchiveException;
import com.recguard.archive.ArchivePlan;
import com.recguard.archive.Buckets;
import com.recguard.archive.Conversations;
import com.recguard.archive.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveJsonTest {

    @TempDir
    Path tmp;

    final ArchiveJson json = new ArchiveJson();

    @Test
    void the_manifest_is_byte_identical_for_the_same_input_and_reads_back_equal() {
        var req = Conversations.request("c-json", true, tmp, 32);
        Manifest m = ArchivePlan.of(req, Buckets.defaults(), json).manifest();
        byte[] once = json.manifest(m);
        byte[] twice = json.manifest(ArchivePlan.of(Conversations.request("c-json", true, tmp, 32), Buckets.defaults(), json).manifest());

        assertThat(twice).isEqualTo(once);
        assertThat(json.readManifest(once)).isEqualTo(m);
        assertThat(new String(once, StandardCharsets.UTF_8)).doesNotContain("\r").contains(
                "\"conversationId\" : \"c-json\"", "\"transactionIds\" : [\n    \"T-88812\"\n  ]",
                "\"holdReasons\" : [\n    \"PHRASE:guaranteed return\"\n  ]", "\"retainUntil\" : \"2033-03-02\"",
                "\"mode\" : \"COMPLIANCE\"", "\"retainUntilDate\" : \"2033-03-03T00:00:00Z\"", "\"duration\" : \"PT12M41S\"");
    }

    @Test
    void labels_come_from_the_bundle_top_level_and_conversation() throws Exception {
        assertThat(ArchiveJson.labels("{\"labels\":[\"b\"],\"conversation\":{\"conversationId\":\"x\",\"labels\":[\"a\",\"b\"]}}"))
                .containsExactly("a", "b");
    }

    @Test
    void a_manifest_without_hashes_is_refused() {
        assertThatThrownBy(() -> json.readManifest(("{\"conversationId\":\"c\",\"retainUntil\":\"2033-01-01\","
                + "\"objects\":[{\"key\":\"k\"}]}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("objects[0] needs key, size and sha256");
    }
}
