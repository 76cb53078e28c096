package com.recguard.evidence;

import com.recguard.archive.Keys;

/**
 * Where things are inside a pack. Both verifiers derive the same paths from the archive keys, so a
 * member cannot be moved without being missed:
 *
 * <pre>
 * README.txt, verify.py, index.csv, index.html
 * conversations/{id}/archive/{key below the conversation's prefix}   the archived objects, byte for byte
 * conversations/{id}/archive-versions.json                            versions, locks, holds as read back
 * conversations/{id}/decision-log.jsonl                               the entries and the chain to the digest
 * conversations/{id}/decision.json                                    the decision made from archive/bundle.json
 * conversations/{id}/log-digest.json                                  the locked digest the chain ends at
 * MANIFEST.sha256                                                     every member's SHA-256, written last
 * </pre>
 *
 * {id} is the conversation's key segment (percent-encoded like the archive's keys).
 */
public final class PackLayout {

    public static final String README = "README.txt";
    public static final String VERIFY_PY = "verify.py";
    public static final String INDEX_CSV = "index.csv";
    public static final String INDEX_HTML = "index.html";
    public static final String MANIFEST = "MANIFEST.sha256";
    /** The last line of MANIFEST.sha256 starts with this and ends with the SHA-256 of the lines above it. */
    public static final String MANIFEST_TRAILER = "# sha256 of the lines above: ";
    public static final String CONVERSATIONS = "conversations/";

    private PackLayout() {}

    /** The folder of a conversation, e.g. {@code conversations/c-1001/}. */
    public static String folder(String conversationId) {
        return CONVERSATIONS + segment(conversationId) + "/";
    }

    static String segment(String conversationId) {
        String prefix = Keys.prefix(conversationId);
        return prefix.substring(Keys.ROOT.length(), prefix.length() - 1);
    }

    /** The member holding an archived object: the key below {@code recguard/v1/conversations/{id}/}, under {@code archive/}. */
    public static String archived(String conversationId, String key) {
        String prefix = Keys.prefix(conversationId);
        if (!key.startsWith(prefix)) {
            throw new IllegalArgumentException(key + " is not under " + prefix);
        }
        return folder(conversationId) + "archive/" + key.substring(prefix.length());
    }

    public static String versions(String conversationId) {
        return folder(conversationId) + "archive-versions.json";
    }

    public static String decisionLog(String conversationId) {
        return folder(conversationId) + "decision-log.jsonl";
    }

    public static String decision(String conversationId) {
        return folder(conversationId) + "decision.json";
    }

    public static String digest(String conversationId) {
        return folder(conversationId) + "log-digest.json";
    }
}
