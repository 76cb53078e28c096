package com.recguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The pack's zip writer on its own (pure: streams in memory). */
class PackWriterTest {

    /** Bytes that do not compress (xorshift), produced on demand: nothing holds them all. */
    static final class Generated extends InputStream {
        final long size;
        long pos;
        long x = 88172645463325252L;
        final Runnable onRead;

        Generated(long size, Runnable onRead) {
            this.size = size;
            this.onRead = onRead;
        }

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            onRead.run();
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                b[off + i] = (byte) x;
            }
            pos += n;
            return n;
        }
    }

    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    @Test
    void aLargeMemberReachesTheOutputWhileItIsStillBeingRead() throws Exception {
        long size = 64L << 20;
        Counting out = new Counting();
        List<String> lagging = new ArrayList<>();
        Generated[] source = new Generated[1];
        source[0] = new Generated(size, () -> {
            // whatever was read more than 1 MiB ago must already be in the output
            if (source[0].pos > (2L << 20) && out.count < source[0].pos - (1L << 20)) {
                lagging.add("read " + source[0].pos + ", written " + out.count);
            }
        });
        PackWriter w = new PackWriter(out, Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(w.put("conversations/c/archive/media/r-1", source[0])).isEqualTo(size);
        w.finish();

        assertThat(lagging).isEmpty();
        assertThat(out.count).isGreaterThan(size);
    }

    @Test
    void theManifestListsEveryMemberAndEndsWithTheHashOfItsLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PackWriter w = new PackWriter(bytes, Instant.parse("2026-03-02T11:00:00Z"));
        w.put("a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
        w.put("b/c.txt", "gamma".getBytes(StandardCharsets.UTF_8));
        assertThat(w.finish()).isEqualTo(3);

        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().equals(PackLayout.MANIFEST)) {
                    manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactly("a.txt", "b/c.txt", PackLayout.MANIFEST);
        String lines = EvidenceWorld.sha256("alpha".getBytes(StandardCharsets.UTF_8)) + "  a.txt\n"
                + EvidenceWorld.sha256("gamma".getBytes(StandardCharsets.UTF_8)) + "  b/c.txt\n";
        assertThat(manifest).isEqualTo(lines + PackLayout.MANIFEST_TRAILER
                + EvidenceWorld.sha256(lines.getBytes(StandardCharsets.UTF_8)) + "\n");
    }
}
