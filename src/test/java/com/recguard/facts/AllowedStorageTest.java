package com.recguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedStorageTest {

    private static boolean allows(String pattern, String region) {
        return new AllowedStorage("UK", pattern).allows(region);
    }

    @Test
    void star_matches_any_run_of_characters() {
        assertThat(allows("eu-*", "eu-west-1")).isTrue();
        assertThat(allows("eu-*", "eu-")).isTrue();
        assertThat(allows("*", "us-east-1")).isTrue();
        assertThat(allows("eu-*-2", "eu-west-2")).isTrue();
        assertThat(allows("a*b*c", "abc")).isTrue();
    }

    @Test
    void everything_else_must_match_exactly() {
        assertThat(allows("eu-*", "us-east-1")).isFalse();
        assertThat(allows("eu-*", "xeu-west-1")).isFalse();
        assertThat(allows("eu-west-2", "eu-west-2")).isTrue();
        assertThat(allows("eu-west-2", "eu-west-21")).isFalse();
        assertThat(allows("ab*b", "ab")).isFalse();
        assertThat(allows("eu.*", "eu-west-1")).as("a dot is a dot, not a regex").isFalse();
        assertThat(allows("eu-*", null)).isFalse();
    }
}
