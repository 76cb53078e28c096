package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void a_rule_edit_shows_only_the_fixtures_whose_outcome_changed() throws Exception {
        Path rules = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("rules"));
        Path fixtures = TestPaths.copyOf(TestPaths.FIXTURES.resolve("retention"), tmp.resolve("fixtures"));
        long n;
        try (var files = Files.walk(fixtures)) {
            n = files.filter(f -> f.toString().endsWith(".json")).count(); // every retention fixture states retainUntil
        }
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.run(new String[] {
                "watch", "--rules", rules.toString(), "--interval", "100", "--max-runs", "3", fixtures.toString()},
                new PrintWriter(out, true), new PrintWriter(new StringWriter())));

        waitFor(out, "0 failed");
        assertThat(out.toString()).doesNotContain("FAILING");
        Path classes = rules.resolve("retention/retention-classes.csv");
        Files.writeString(classes, Files.readString(classes).replace("default,7", "default,8"));

        waitFor(out, " " + n + " failed");
        String second = out.toString().substring(out.toString().indexOf("0 failed") + 8);
        assertThat(second).contains("now FAILING  " + fixtures.resolve("RET-001/fail-call-ended-on-leap-day.json")
                + ": retainUntil: expected 2031-02-28, got 2032-02-29");
        assertThat(second).containsPattern("\\[[0-9a-f]{12}\\] 0 passed, " + n + " failed");

        // Touching a fixture without changing any outcome prints nothing but the summary.
        Path leap = fixtures.resolve("RET-001/fail-call-ended-on-leap-day.json");
        Files.setLastModifiedTime(leap, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(leap).toMillis() + 5000));
        assertThat(watch.get(120, TimeUnit.SECONDS)).isZero();
        String third = out.toString().substring(out.toString().indexOf(" " + n + " failed") + (" " + n + " failed").length());
        assertThat(third.strip()).matches("\\[[0-9a-f]{12}\\] 0 passed, " + n + " failed");
    }

    private static void waitFor(StringWriter out, String text) throws InterruptedException {
        for (int i = 0; i < 1200 && !out.toString().contains(text); i++) {
            Thread.sleep(100);
        }
        assertThat(out.toString()).contains(text);
    }
}
