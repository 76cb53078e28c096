package com.recguard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One decision in the hash-chained decision log. {@code hash} covers every other field,
 * including the previous entry's hash, so editing, deleting or reordering an entry breaks the
 * chain from that point on.
 *
 * @param input     the bundle exactly as evaluated (so the decision can be reproduced)
 * @param decision  the decision JSON exactly as returned
 */
public record LogEntry(long seq, String inputHash, String rulePack, List<String> firedRules,
                       String input, String decision, String prevHash, String hash) {

    public static final String GENESIS = "sha256:" + "0".repeat(64);

    public LogEntry {
        firedRules = List.copyOf(firedRules);
    }

    public static LogEntry next(LogEntry previous, String input, String rulePack, List<String> firedRules, String decision) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        String inputHash = sha256(input);
        return new LogEntry(seq, inputHash, rulePack, firedRules, input, decision, prev,
                chainHash(seq, inputHash, rulePack, firedRules, decision, prev));
    }

    /** The hash this entry should carry, recomputed from its fields. */
    public String expectedHash() {
        return chainHash(seq, inputHash, rulePack, firedRules, decision, prevHash);
    }

    private static String chainHash(long seq, String inputHash, String rulePack, List<String> fired, String decision, String prev) {
        return sha256(seq + "\n" + inputHash + "\n" + rulePack + "\n" + String.join(",", fired) + "\n" + decision + "\n" + prev);
    }

    public static String sha256(String s) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
