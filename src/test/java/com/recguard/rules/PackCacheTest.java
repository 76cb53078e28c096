package com.recguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.core.Evaluator;
import com.recguard.fixtures.Replay;
import com.recguard.generate.BundleGenerator;
import com.recguard.json.BundleReader;
import com.recguard.json.DecisionWriter;
import com.recguard.model.Bundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCacheTest {

    @TempDir
    Path tmp;

    private final List<String> notes = new CopyOnWriteArrayList<>();

    private PackCache cache() {
        return new PackCache(tmp.resolve("cache"), notes::add);
    }

    @Test
    void aPackLoadedFromTheCacheDecidesEveryFixtureAndGeneratedBundleByteForByteAsAFreshCompile() throws Exception {
        RulePack compiled = RulePack.load(TestPaths.RULES, cache());
        RulePack cached = RulePack.load(TestPaths.RULES, cache());
        assertThat(compiled.fromCache()).isFalse();
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.sha256()).isEqualTo(compiled.sha256());
        assertThat(cached.rules()).isEqualTo(compiled.rules());

        List<Bundle> bundles = new ArrayList<>();
        for (Path f : Replay.discover(List.of(TestPaths.FIXTURES))) {
            bundles.add(BundleReader.read(Files.readString(f)));
        }
        BundleGenerator generator = new BundleGenerator(7);
        for (int i = 0; i < 400; i++) {
            bundles.add(generator.generate(i).bundle());
        }
        Evaluator fresh = new Evaluator(compiled);
        Evaluator fromCache = new Evaluator(cached);
        int differing = 0;
        for (Bundle b : bundles) {
            if (!DecisionWriter.write(fromCache.evaluate(b)).equals(DecisionWriter.write(fresh.evaluate(b)))) {
                differing++;
            }
        }
        assertThat(bundles).hasSizeGreaterThan(600);
        assertThat(differing).as("decisions that differ between the cached and the compiled pack").isZero();
        assertThat(notes).isEmpty();
    }

    @Test
    void aFlippedByteInTheEntryIsNamedAndThePackCompiledAndStoredAgain() throws Exception {
        RulePack.load(TestPaths.RULES, cache());
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(entry, bytes);

        RulePack afterFlip = RulePack.load(TestPaths.RULES, cache());
        assertThat(afterFlip.fromCache()).isFalse();
        assertThat(notes).singleElement().asString().contains(entry.toString()).contains("corrupt")
                .contains("compiling the pack again");

        notes.clear();
        assertThat(RulePack.load(TestPaths.RULES, cache()).fromCache()).as("the rebuilt entry is used").isTrue();
        assertThat(notes).isEmpty();
    }

    @Test
    void aTruncatedEntryIsRefusedNotUsed() throws Exception {
        RulePack.load(TestPaths.RULES, cache());
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(RulePack.load(TestPaths.RULES, cache()).fromCache()).isFalse();
        assertThat(notes).singleElement().asString().contains("corrupt");
    }

    @Test
    void anEditedPackMissesTheCacheAndIsCompiled() throws Exception {
        Path rules = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("rules"));
        RulePack before = RulePack.load(rules, cache());
        Path drl = rules.resolve("retention/RET-001-retain-until.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// an analyst's note\n");

        RulePack edited = RulePack.load(rules, cache());
        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.sha256()).isNotEqualTo(before.sha256());
        assertThat(entries()).hasSize(2);
        assertThat(RulePack.load(rules, cache()).fromCache()).isTrue();
    }

    @Test
    void anotherRecguardBuildMissesTheCache() throws Exception {
        RulePack.load(TestPaths.RULES, cache());
        PackCache otherBuild = new PackCache(tmp.resolve("cache"), notes::add, "recguard 9.9.9 elsewhere");
        assertThat(RulePack.load(TestPaths.RULES, otherBuild).fromCache()).isFalse();
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aPackWithErrorsIsReportedAsBeforeAndNothingIsStored() throws Exception {
        Path rules = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("rules"));
        Files.writeString(rules.resolve("retention/RET-001-retain-until.drl"), "rule \"broken\" when then nonsense(");
        try {
            RulePack.load(rules, cache());
            throw new AssertionError("a broken pack loaded");
        } catch (RulePackException e) {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("RET-001-retain-until.drl"));
        }
        assertThat(Files.exists(tmp.resolve("cache")) ? entries() : List.of()).isEmpty();
    }

    @Test
    void concurrentWritersOfOneEntryNeverLeaveAReaderAPartialOne() throws Exception {
        RulePack pack = RulePack.load(TestPaths.RULES);
        PackCache cache = cache();
        Path entry = cache.entry(pack.sha256(), RulePack.BetaNodeSharing.OFF);
        cache.write(entry, pack.kieBase());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 15; i++) {
                        cache.write(entry, pack.kieBase());
                    }
                    return 0;
                }));
            }
            runs.add(pool.submit(() -> {
                start.await();
                int whole = 0;
                for (int i = 0; i < 40; i++) {
                    if (cache.read(entry) != null) {
                        whole++;
                    }
                }
                return whole;
            }));
            start.countDown();
            for (Future<Integer> f : runs) {
                f.get();
            }
            assertThat(runs.get(3).get()).as("reads, while three writers replace the entry, that found it whole")
                    .isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notes).as("no reader ever saw a torn entry, no writer failed").isEmpty();
        assertThat(entries()).containsExactly(entry);
        assertThat(RulePack.load(TestPaths.RULES, cache).fromCache()).isTrue();
    }

    @Test
    void anUnwritableCacheFolderIsANoteAndThePackStillLoads() throws Exception {
        Path notAFolder = tmp.resolve("file");
        Files.writeString(notAFolder, "a file where the cache folder should be");
        RulePack pack = RulePack.load(TestPaths.RULES, new PackCache(notAFolder, notes::add));
        assertThat(pack.rules()).isNotEmpty();
        assertThat(pack.fromCache()).isFalse();
        assertThat(notes).anySatisfy(n -> assertThat(n).contains(notAFolder.toString()).contains("cannot store the compiled pack"));
    }

    private Path onlyEntry() throws Exception {
        List<Path> all = entries();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> list = Files.list(tmp.resolve("cache"))) {
            return list.filter(p -> p.toString().endsWith(".kpack")).sorted().toList();
        }
    }
}
