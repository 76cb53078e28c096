package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.OrderSensitiveRules;
import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: an edit goes live only when it compiles and its fixtures pass. */
class PackHolderTest {

    @TempDir
    Path tmp;

    @Test
    void only_an_edit_that_compiles_and_passes_its_fixtures_replaces_the_running_pack() throws Exception {
        Path rules = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("rules"));
        Path fixtures = TestPaths.copyOf(TestPaths.FIXTURES.resolve("retention"), tmp.resolve("fixtures"));
        PackHolder holder = new PackHolder(rules, fixtures);
        String original = holder.evaluator().pack().sha256();
        assertThat(holder.reloadIfChanged()).as("nothing changed").isFalse();

        Path drl = rules.resolve("holds/HLD-001-risk-phrase.drl");
        String good = Files.readString(drl);
        Files.writeString(drl, good.replace("$hit : PhraseHit(holdId == null)", "$hit : PhraseHit(holdId == null"));
        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.lastRejection()).contains(drl + ":");
        assertThat(holder.evaluator().pack().sha256()).isEqualTo(original);

        Files.writeString(drl, good);
        Path classes = rules.resolve("retention/retention-classes.csv");
        Files.writeString(classes, Files.readString(classes).replace("default,7", "default,8"));
        assertThat(holder.reloadIfChanged()).as("compiles, but the fixtures expect 7 years").isFalse();
        assertThat(holder.lastRejection()).contains("fixture " + fixtures, "retainUntil: expected");
        assertThat(holder.evaluator().pack().sha256()).isEqualTo(original);

        Files.writeString(classes, Files.readString(classes).replace("default,8", "default,7"));
        Files.writeString(rules.resolve("holds/risk-lexicon.csv"), "boiler room\n", StandardOpenOption.APPEND);
        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.lastRejection()).isNull();
        assertThat(holder.evaluator().pack().sha256()).isNotEqualTo(original);
        assertThat(holder.evaluator().pack().lexiconPhrases()).contains("boiler room");
    }

    @Test
    void a_reload_whose_fixtures_decide_differently_by_build_order_keeps_the_old_pack_and_says_which() throws Exception {
        Path rules = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("rules"));
        Path fixtures = Files.createDirectories(tmp.resolve("fixtures"));
        Path call = OrderSensitiveRules.unrecordedCall(fixtures, "call.json");
        PackHolder holder = new PackHolder(rules, fixtures);
        String original = holder.evaluator().pack().sha256();

        OrderSensitiveRules.addFirstComeFirstServed(rules);

        assertThat(holder.reloadIfChanged()).as("compiles and its fixtures pass, but not the same both ways").isFalse();
        assertThat(holder.lastRejection()).contains("fixture " + call + " decides differently", "the pack is refused")
                .doesNotContain(" fails: ");
        assertThat(holder.evaluator().pack().sha256()).isEqualTo(original);
    }
}
