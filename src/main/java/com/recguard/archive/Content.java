package com.recguard.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bytes to archive, from memory or a file, with the SHA-256 (hex and base64, for the manifest and
 * the {@code x-amz-checksum-sha256} header) and MD5 (for {@code Content-MD5}, which Ceph checks)
 * taken once, before upload.
 */
public final class Content {

    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final byte[] sha256;
    private final byte[] md5;
    private final String contentType;

    private Content(byte[] bytes, Path file, long size, byte[] sha256, byte[] md5, String contentType) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.md5 = md5;
        this.contentType = contentType;
    }

    public static Content ofBytes(byte[] bytes, String contentType) {
        return new Content(bytes.clone(), null, bytes.length, Digests.sha256(bytes), Digests.md5(bytes), contentType);
    }

    public static Content ofFile(Path file, String contentType) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = Digests.newSha256();
            MessageDigest md5 = Digests.newMd5();
            long size = 0;
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                md5.update(buf, 0, n);
                size += n;
            }
            return new Content(null, file, size, sha.digest(), md5.digest(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Null when the content is a file. */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /** Null when the content is in memory. */
    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    public String sha256Base64() {
        return Base64.getEncoder().encodeToString(sha256);
    }

    public String md5Base64() {
        return Base64.getEncoder().encodeToString(md5);
    }

    public String contentType() {
        return contentType;
    }
}
