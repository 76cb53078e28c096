package com.recguard.phrase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds phrases in text the way POLICY.md asks: case, punctuation and runs of whitespace are
 * ignored, and a phrase matches only on word boundaries ("private placement" matches
 * "Private  Placement." but not "private placementsXYZ").
 *
 * <p>Both text and phrases are normalised to lower-case words separated by single spaces; an
 * Aho-Corasick automaton then finds every phrase in one pass, so the cost is linear in the text
 * length whatever the number of phrases. Offsets are reported in the original text.
 *
 * <p>Immutable and safe to share between threads once built.
 */
public final class PhraseMatcher {

    /** A phrase as written by its author, found at [start, end) of the original text. */
    public record Match(String phrase, int start, int end) {}

    private static final int SNIPPET_CONTEXT = 30;

    private final Trie trie;
    private final Map<String, List<String>> phrasesByNormalForm;

    private PhraseMatcher(Trie trie, Map<String, List<String>> phrasesByNormalForm) {
        this.trie = trie;
        this.phrasesByNormalForm = phrasesByNormalForm;
    }

    public static PhraseMatcher of(Collection<String> phrases) {
        Map<String, List<String>> byNormal = new HashMap<>();
        for (String phrase : phrases) {
            String key = normalise(phrase).text();
            if (!key.isEmpty()) {
                List<String> written = byNormal.computeIfAbsent(key, k -> new ArrayList<>());
                if (!written.contains(phrase)) {
                    written.add(phrase);
                }
            }
        }
        Trie trie = Trie.builder().onlyWholeWordsWhiteSpaceSeparated().addKeywords(byNormal.keySet()).build();
        return new PhraseMatcher(trie, byNormal);
    }

    public boolean isEmpty() {
        return phrasesByNormalForm.isEmpty();
    }

    /** Every occurrence of every phrase, in order of position, then phrase. */
    public List<Match> find(String text) {
        if (text == null || text.isEmpty() || phrasesByNormalForm.isEmpty()) {
            return List.of();
        }
        Normalised n = normalise(text);
        List<Match> out = new ArrayList<>();
        for (Emit emit : trie.parseText(n.text())) {
            int start = n.origin()[emit.getStart()];
            int end = n.origin()[emit.getEnd()] + 1;
            for (String phrase : phrasesByNormalForm.get(emit.getKeyword())) {
                out.add(new Match(phrase, start, end));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Match::start).thenComparing(Match::phrase));
        return out;
    }

    /** The match with up to 30 characters either side, whitespace collapsed, for a reader. */
    public static String snippet(String text, Match m) {
        int from = Math.max(0, m.start() - SNIPPET_CONTEXT);
        int to = Math.min(text.length(), m.end() + SNIPPET_CONTEXT);
        String s = text.substring(from, to).replaceAll("\\s+", " ").trim();
        return (from > 0 ? "…" : "") + s + (to < text.length() ? "…" : "");
    }

    /** Normalised text and, for each of its characters, the index of the original character. */
    record Normalised(String text, int[] origin) {}

    static Normalised normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && sb.length() > 0) {
                    origin[sb.length()] = i - 1;
                    sb.append(' ');
                }
                pendingSpace = false;
                origin[sb.length()] = i;
                sb.append(Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return new Normalised(sb.toString(), origin);
    }
}
