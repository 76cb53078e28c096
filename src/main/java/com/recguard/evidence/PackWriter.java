package com.recguard.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip being written: each member is hashed as it streams through, and {@code MANIFEST.sha256}
 * (in {@code sha256sum} format, so {@code sha256sum -c} works on an unzipped pack) closes it, with a
 * last line hashing the lines above so that a changed byte in the manifest itself is named too.
 */
final class PackWriter {

    private final ZipOutputStream zip;
    private final long time;
    private final StringBuilder manifest = new StringBuilder();
    private final java.util.Set<String> names = new java.util.HashSet<>();
    private int members;

    PackWriter(OutputStream out, Instant time) {
        this.zip = new ZipOutputStream(out);
        this.time = time.toEpochMilli();
    }

    long put(String name, byte[] bytes) throws IOException {
        return put(name, new ByteArrayInputStream(bytes));
    }

    /** Copies {@code in} into a new member; returns its size. */
    long put(String name, InputStream in) throws IOException {
        if (!names.add(name)) {
            throw new IllegalStateException("member " + name + " written twice");
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        MessageDigest sha = com.recguard.archive.Digests.newSha256();
        byte[] buf = new byte[1 << 16];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
            zip.write(buf, 0, n);
            size += n;
        }
        zip.closeEntry();
        manifest.append(HexFormat.of().formatHex(sha.digest())).append("  ").append(name).append('\n');
        members++;
        return size;
    }

    /** Writes MANIFEST.sha256 and closes the zip (and the stream under it); returns the member count. */
    int finish() throws IOException {
        String lines = manifest.toString();
        String trailer = PackLayout.MANIFEST_TRAILER
                + HexFormat.of().formatHex(com.recguard.archive.Digests.newSha256().digest(lines.getBytes(StandardCharsets.UTF_8)));
        ZipEntry entry = new ZipEntry(PackLayout.MANIFEST);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write((lines + trailer + "\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.close();
        return members + 1;
    }
}
