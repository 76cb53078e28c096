package com.recguard.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5 with the JDK. */
public final class Digests {

    private Digests() {}

    /** A SHA-256 and byte count over a stream read to its end. */
    public record Hashed(String sha256Hex, long size) {}

    public static MessageDigest newSha256() {
        return get("SHA-256");
    }

    static MessageDigest newMd5() {
        return get("MD5");
    }

    static byte[] sha256(byte[] b) {
        return newSha256().digest(b);
    }

    static byte[] md5(byte[] b) {
        return newMd5().digest(b);
    }

    public static String sha256Hex(byte[] b) {
        return HexFormat.of().formatHex(sha256(b));
    }

    public static Hashed hash(InputStream in) throws IOException {
        MessageDigest sha = newSha256();
        long size = 0;
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
            size += n;
        }
        return new Hashed(HexFormat.of().formatHex(sha.digest()), size);
    }

    private static MessageDigest get(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " missing from the JDK", e);
        }
    }
}
