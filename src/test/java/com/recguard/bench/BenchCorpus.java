package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.generate.BundleGenerator;
import com.recguard.generate.GeneratedFixture;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.json.FixtureWriter;
import com.recguard.model.Bundle;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the benchmarks run on: the shipped rule pack (or a copy with a bigger lexicon) and a corpus
 * of generated bundles, as the JSON the service would receive and as parsed bundles.
 */
final class BenchCorpus {

    /** The corpus seed: fixed, so every run measures the same conversations. */
    static final long SEED = 20260302L;
    static final int SIZE = 512;

    private BenchCorpus() {}

    static Path rulesDir() {
        return Path.of(System.getProperty("recguard.rules", "rules"));
    }

    static RulePack shippedPack() {
        return load(rulesDir());
    }

    static RulePack load(Path dir) {
        try {
            return RulePack.load(dir);
        } catch (RulePackException e) {
            throw new IllegalStateException(String.join("\n", e.problems()), e);
        }
    }

    /** Compact bundle JSON of the first {@code n} fixtures of the corpus seed. */
    static List<String> json(int n, int transcriptScale) {
        BundleGenerator g = new BundleGenerator(SEED, transcriptScale);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GeneratedFixture f = g.generate(i);
            out.add(FixtureWriter.writeBundle(f.bundle()));
        }
        return out;
    }

    /**
     * Runs a fixed number of decisions (and reads) before JMH's own warm-up. On a shared machine a
     * time-based warm-up may end before the JIT has compiled the hot paths (its threads get little
     * CPU too); a count of operations does not depend on the scheduler.
     */
    static void warmUp(Evaluator evaluator, List<String> json, int decisions) {
        List<Bundle> bundles = parse(json);
        for (int i = 0; i < decisions; i++) {
            evaluator.evaluate(bundles.get(i % bundles.size()));
            if (i % 4 == 0) {
                try {
                    BundleReader.read(json.get(i % json.size()));
                } catch (BundleFormatException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The scaling benchmarks' warm-up: 8,000 decisions of the realistic mix, before the variant measured. */
    static void warmUp(Evaluator evaluator) {
        warmUp(evaluator, json(SIZE, 1), 8_000);
    }

    static List<Bundle> parse(List<String> json) {
        List<Bundle> out = new ArrayList<>(json.size());
        for (String j : json) {
            try {
                out.add(BundleReader.read(j));
            } catch (BundleFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * A copy of the shipped pack whose risk lexicon has {@code phrases} phrases: the two shipped ones
     * and made-up ones built from the words of trading talk, so the automaton meets many partial matches.
     */
    static Path packWithLexicon(int phrases) {
        try {
            Path dir = Files.createTempDirectory("recguard-bench-lexicon-");
            try (Stream<Path> walk = Files.walk(rulesDir())) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = dir.resolve(rulesDir().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            StringBuilder csv = new StringBuilder("phrase\n");
            for (String p : lexicon(phrases)) {
                csv.append(p).append('\n');
            }
            Files.writeString(dir.resolve("holds/risk-lexicon.csv"), csv);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> ADJECTIVES = List.of("assured", "secret", "certain", "exclusive", "offshore",
            "hidden", "special", "risk free", "unlisted", "early", "insider", "quiet", "fixed", "private", "protected",
            "premium", "tax free", "pre ipo", "side", "informal", "unofficial", "locked", "promised", "bonus", "direct",
            "confidential", "personal", "priority", "reserved", "discreet", "capital", "market", "client", "future",
            "current", "semi annual", "key", "liquid", "spread", "settlement");
    private static final List<String> NOUNS = List.of("return", "yield", "allocation", "deal", "profit", "upside",
            "income", "coupon", "payout", "fund", "order", "position", "bond", "shares", "note", "account", "fee",
            "rate", "gain", "dividend", "offer", "basis points", "earnings", "placement", "document", "date",
            "performance", "portfolio", "product", "rating", "price", "trade", "side letter", "rebate", "commission",
            "kickback", "arrangement", "promise", "tip", "information", "scheme", "vehicle", "structure", "wrapper",
            "pool", "tranche", "instrument", "certificate", "warrant", "option");

    static List<String> lexicon(int n) {
        Set<String> out = new LinkedHashSet<>(List.of("guaranteed return", "private placement"));
        outer:
        for (String noun : NOUNS) {
            for (String adj : ADJECTIVES) {
                if (out.size() >= n) {
                    break outer;
                }
                out.add(adj + " " + noun);
            }
        }
        if (out.size() < n) {
            throw new IllegalArgumentException("at most " + out.size() + " phrases");
        }
        return List.copyOf(out).subList(0, n);
    }
}
