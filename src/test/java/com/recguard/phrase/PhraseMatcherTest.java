package com.recguard.phrase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher matcher = PhraseMatcher.of(List.of("guaranteed return", "private placement"));

    @Test
    void ignores_case_punctuation_and_runs_of_whitespace() {
        assertThat(matcher.find("We offer a Private  Placement. Call me."))
                .extracting(PhraseMatcher.Match::phrase).containsExactly("private placement");
        assertThat(matcher.find("it's a GUARANTEED-return,\n\tpromise"))
                .extracting(PhraseMatcher.Match::phrase).containsExactly("guaranteed return");
    }

    @Test
    void respects_word_boundaries_on_both_sides() {
        assertThat(matcher.find("private placementsXYZ")).isEmpty();
        assertThat(matcher.find("unguaranteed return")).isEmpty();
        assertThat(matcher.find("guaranteed returns")).isEmpty();
    }

    @Test
    void reports_offsets_in_the_original_text() {
        String text = "Hello there,   this is a Guaranteed   Return!";
        PhraseMatcher.Match m = matcher.find(text).get(0);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("Guaranteed   Return");
        assertThat(m.start()).isEqualTo(25);
    }

    @Test
    void finds_every_occurrence_and_overlapping_phrases() {
        PhraseMatcher m = PhraseMatcher.of(List.of("placement", "private placement", "placement fee"));
        assertThat(m.find("a private placement fee; another placement"))
                .extracting(PhraseMatcher.Match::phrase)
                .containsExactly("private placement", "placement", "placement fee", "placement");
    }

    @Test
    void reports_each_spelling_of_a_phrase_as_written() {
        PhraseMatcher m = PhraseMatcher.of(List.of("Guaranteed Return", "guaranteed return"));
        assertThat(m.find("guaranteed return")).extracting(PhraseMatcher.Match::phrase)
                .containsExactly("Guaranteed Return", "guaranteed return");
    }

    @Test
    void empty_text_and_empty_lexicon_find_nothing() {
        assertThat(matcher.find("")).isEmpty();
        assertThat(matcher.find(null)).isEmpty();
        assertThat(PhraseMatcher.of(List.of()).find("guaranteed return")).isEmpty();
        assertThat(PhraseMatcher.of(List.of("  ,; ")).isEmpty()).isTrue();
    }

    @Test
    void snippet_shows_the_words_around_the_match() {
        String text = "x".repeat(50) + " guaranteed return " + "y".repeat(50);
        PhraseMatcher.Match m = matcher.find(text).get(0);
        String snippet = PhraseMatcher.snippet(text, m);
        assertThat(snippet).startsWith("…").endsWith("…").contains("guaranteed return");
        assertThat(snippet.length()).isLessThan(text.length());
    }

    @Test
    void matches_non_latin_letters_as_words() {
        PhraseMatcher m = PhraseMatcher.of(List.of("garantierte rendite"));
        assertThat(m.find("Eine GARANTIERTE Rendite!")).hasSize(1);
        assertThat(m.find("garantierte renditeö")).isEmpty();
    }
}
