package com.recguard.facts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic draw behind the QA sample: a number in [0, 1) from the SHA-256 of the seed,
 * the conversation id and the month, so every replay of the same conversation draws the same.
 */
public final class QaSample {
    private QaSample() {}

    public static double draw(String seed, String conversationId, String month) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest((seed + "\n" + conversationId + "\n" + month).getBytes(StandardCharsets.UTF_8));
            long top53 = ByteBuffer.wrap(h).getLong() >>> 11;
            return top53 / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
