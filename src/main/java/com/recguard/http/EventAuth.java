package com.recguard.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may send events and ask for consent routing: a bearer token, or an HMAC-SHA256 signature
 * of the body ({@code X-Recguard-Signature: sha256=<hex>}). At least one must be configured;
 * comparisons take constant time.
 */
public record EventAuth(String bearerToken, String hmacSecret) {

    public static final String SIGNATURE_HEADER = "X-Recguard-Signature";

    public EventAuth {
        if (blank(bearerToken) && blank(hmacSecret)) {
            throw new IllegalArgumentException("set RECGUARD_EVENT_TOKEN or RECGUARD_EVENT_HMAC_SECRET: events must be authenticated");
        }
    }

    /** Null when the request is authentic, else why not (kept with the rejected event). */
    public String problem(String authorization, String signature, byte[] body) {
        if (!blank(bearerToken) && authorization != null && authorization.startsWith("Bearer ")
                && equal(authorization.substring(7).trim(), bearerToken)) {
            return null;
        }
        if (!blank(hmacSecret) && signature != null && signature.startsWith("sha256=")
                && equal(signature.substring(7).trim().toLowerCase(java.util.Locale.ROOT), sign(body))) {
            return null;
        }
        if (authorization == null && signature == null) {
            return "unauthenticated: no Authorization bearer token and no " + SIGNATURE_HEADER + " header";
        }
        return "unauthenticated: the bearer token or signature does not match";
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
