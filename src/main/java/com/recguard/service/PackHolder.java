package com.recguard.service;

import com.recguard.core.Evaluator;
import com.recguard.fixtures.BuildOrderCheck;
import com.recguard.fixtures.FileStamps;
import com.recguard.fixtures.Replay;
import com.recguard.rules.PackCache;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule pack in force, swapped atomically on reload. A new pack goes live only after it
 * compiles, every fixture passes against it, and every fixture decides the same when the pack is
 * compiled a second way ({@link BuildOrderCheck}); otherwise the running pack stays and the reason
 * is kept for the readiness endpoint and the logs.
 */
public final class PackHolder {

    private static final Logger LOG = LoggerFactory.getLogger(PackHolder.class);

    private final Path rulesDir;
    private final Path fixturesDir;
    private final PackCache cache;
    private final AtomicReference<Evaluator> current = new AtomicReference<>();
    private volatile String lastRejection;
    private volatile Map<Path, Long> stamps = Map.of();

    public PackHolder(Path rulesDir, Path fixturesDir) throws RulePackException {
        this(rulesDir, fixturesDir, null);
    }

    /** @param cache compiled packs to load an unchanged pack from (and store a compiled one in); null compiles */
    public PackHolder(Path rulesDir, Path fixturesDir, PackCache cache) throws RulePackException {
        this.cache = cache;
        this.rulesDir = rulesDir;
        this.fixturesDir = fixturesDir;
        this.stamps = stamps();
        List<String> problems = new ArrayList<>();
        Evaluator first = candidate(problems);
        if (first == null) {
            throw new RulePackException(problems);
        }
        current.set(first);
    }

    public Evaluator evaluator() {
        return current.get();
    }

    /** Why the last edit was not swapped in, or null when the last attempt succeeded. */
    public String lastRejection() {
        return lastRejection;
    }

    /** Reloads when a file under the rules or fixtures changed; true when a new pack went live. */
    public boolean reloadIfChanged() {
        Map<Path, Long> now = stamps();
        if (now.equals(stamps)) {
            return false;
        }
        stamps = now;
        List<String> problems = new ArrayList<>();
        Evaluator next = candidate(problems);
        if (next == null) {
            lastRejection = String.join("; ", problems);
            LOG.error("rule pack edit rejected, {} stays in force: {}", current.get().pack().sha256(), lastRejection);
            return false;
        }
        Evaluator before = current.getAndSet(next);
        lastRejection = null;
        LOG.info("rule pack {} replaced {}", next.pack().sha256(), before.pack().sha256());
        return true;
    }

    private Evaluator candidate(List<String> problems) {
        RulePack pack;
        try {
            pack = RulePack.load(rulesDir, cache);
        } catch (RulePackException e) {
            problems.addAll(e.problems());
            return null;
        }
        Evaluator evaluator = new Evaluator(pack);
        if (fixturesDir != null && Files.isDirectory(fixturesDir)) {
            try {
                List<Path> files = Replay.discover(List.of(fixturesDir));
                for (Path f : files) {
                    Replay.Result r = Replay.run(evaluator, f);
                    if (!r.passed()) {
                        problems.add("fixture " + f + " fails: " + (r.error() != null ? r.error() : String.join("; ", r.differences())));
                    }
                }
                BuildOrderCheck.Result check = BuildOrderCheck.run(pack, files);
                problems.addAll(check.problems());
                if (check.passed()) {
                    LOG.info("{}", check.summary());
                }
            } catch (NoSuchFileException e) {
                problems.add("fixtures " + e.getFile() + " vanished");
            } catch (RulePackException e) {
                problems.addAll(e.problems());
            }
        }
        return problems.isEmpty() ? evaluator : null;
    }

    private Map<Path, Long> stamps() {
        return FileStamps.of(fixturesDir == null ? List.of(rulesDir) : List.of(rulesDir, fixturesDir));
    }
}
