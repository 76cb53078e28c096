package com.recguard.archive;

import java.nio.charset.StandardCharsets;

/**
 * The deterministic object keys of an archived conversation. A key depends only on the
 * conversation id and the recording id, never on time or on a run, so a retry addresses the same
 * objects and cannot make a second copy:
 *
 * <pre>
 * recguard/v1/conversations/{conversationId}/media/{recordingId}     the recording's media, as given
 * recguard/v1/conversations/{conversationId}/ivr.json                the IVR capture (flow, menu path, DTMF)
 * recguard/v1/conversations/{conversationId}/transcript.json         the transcript
 * recguard/v1/conversations/{conversationId}/manifest.json           written last: the commit marker
 * recguard/v1/conversations/{conversationId}/events/{NNNNNN}-{type}.json   later hold and retention events
 * </pre>
 *
 * Ids are kept as they are when made of letters, digits, '.', '_' and '-' (Genesys ids are
 * UUIDs); any other byte is percent-encoded, so an id can never climb out of its folder.
 */
public final class Keys {

    public static final String ROOT = "recguard/v1/conversations/";

    private Keys() {}

    public static String prefix(String conversationId) {
        return ROOT + segment(conversationId) + "/";
    }

    public static String media(String conversationId, String recordingId) {
        return prefix(conversationId) + "media/" + segment(recordingId);
    }

    public static String ivr(String conversationId) {
        return prefix(conversationId) + "ivr.json";
    }

    public static String transcript(String conversationId) {
        return prefix(conversationId) + "transcript.json";
    }

    public static String bundle(String conversationId) {
        return prefix(conversationId) + "bundle.json";
    }

    public static String manifest(String conversationId) {
        return prefix(conversationId) + "manifest.json";
    }

    public static String eventsPrefix(String conversationId) {
        return prefix(conversationId) + "events/";
    }

    public static String event(String conversationId, int sequence, String type) {
        return eventsPrefix(conversationId) + String.format("%06d", sequence) + "-"
                + type.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json";
    }

    /** The sequence number of an event key, or -1 when the key is not an event. */
    public static int eventSequence(String key) {
        int slash = key.lastIndexOf('/');
        if (slash < 0 || !key.substring(0, slash + 1).endsWith("/events/")) {
            return -1;
        }
        String name = key.substring(slash + 1);
        int dash = name.indexOf('-');
        try {
            return dash == 6 ? Integer.parseInt(name.substring(0, 6)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The conversation id of a key under {@link #ROOT}, decoded, or null. */
    public static String conversationOf(String key) {
        if (!key.startsWith(ROOT)) {
            return null;
        }
        int end = key.indexOf('/', ROOT.length());
        return end < 0 ? null : decode(key.substring(ROOT.length(), end));
    }

    static String segment(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an id used in an object key must not be empty");
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || (c == '.' && !id.equals(".") && !id.equals(".."));
            if (plain) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static String decode(String segment) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
