package com.recguard.rules;

import com.recguard.phrase.PhraseMatcher;
import com.recguard.tables.TableError;
import com.recguard.tables.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A compiled rule pack: the DRL files and data tables of one {@code rules/} folder, identified by
 * the sha256 of its files. Immutable once loaded and safe to share; sessions are pooled.
 */
public final class RulePack {

    /** DRL files go under rules/ in the KieFileSystem so that each package (rules.<area>) mirrors its folder. */
    private static final String RESOURCE_ROOT = "src/main/resources/rules/";
    private static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    private final Path dir;
    private final String sha256;
    private final KieBase kieBase;
    private final List<Object> tableFacts;
    private final PhraseMatcher lexicon;
    private final List<String> lexiconPhrases;
    private final Map<String, RuleInfo> rulesById;
    private final List<String> drlFiles;
    /** The DRL text as compiled, by file: the cross-compile must build exactly these bytes, not a later edit. */
    private final Map<String, String> drlSources;
    private final BetaNodeSharing sharing;
    private final BlockingQueue<PreparedSession> pool = new ArrayBlockingQueue<>(POOL_SIZE);

    /**
     * Whether Drools may share the join nodes of rules with a common opening. The shipped packs
     * run with sharing OFF (see {@link #newKieBase}); ON is Drools' own default and exists so that
     * tests can show what the build-order cross-check catches when sharing is back on.
     */
    public enum BetaNodeSharing { OFF, ON }

    private RulePack(Path dir, String sha256, KieBase kieBase, Tables.Loaded tables, Map<String, RuleInfo> rulesById,
            Map<String, String> drlSources, BetaNodeSharing sharing, boolean fromCache) {
        this.fromCache = fromCache;
        this.drlSources = Collections.unmodifiableMap(new LinkedHashMap<>(drlSources));
        this.drlFiles = List.copyOf(drlSources.keySet());
        this.sharing = sharing;
        this.dir = dir;
        this.sha256 = sha256;
        this.kieBase = kieBase;
        this.tables = tables;
        this.tableFacts = List.copyOf(tables.facts());
        this.lexiconPhrases = List.copyOf(tables.lexicon());
        this.lexicon = PhraseMatcher.of(tables.lexicon());
        this.rulesById = rulesById;
    }

    private final Tables.Loaded tables;
    private final boolean fromCache;

    /**
     * The folder of the configuration-audit pack inside a rules folder. It is a pack of its own:
     * its rules match configuration facts, not conversations, so the conversation pack skips it.
     */
    public static final String CONFIG_FOLDER = "config/";

    /**
     * Tables of the conversation pack that the configuration audit also reads, so that analysts
     * keep one copy: the archive region of each zone and where it may be stored, the QA sample
     * rate, and the risk lexicon that automates legal holds.
     */
    public static final List<String> CONFIG_SHARED_TABLES = List.of("residency/zone-archive-regions.csv",
            "residency/allowed-storage-regions.csv", "quality/sampling.csv", "holds/risk-lexicon.csv");

    /**
     * Compiles the conversation pack of {@code dir} (everything except {@code config/}); every
     * problem found (DRL, tables, ids) is reported at once.
     */
    public static RulePack load(Path dir) throws RulePackException {
        return load(dir, BetaNodeSharing.OFF);
    }

    /** {@link #load(Path)} with the given node sharing; the shipped commands use {@link BetaNodeSharing#OFF}. */
    public static RulePack load(Path dir, BetaNodeSharing sharing) throws RulePackException {
        return load(dir, f -> !f.startsWith(CONFIG_FOLDER), sharing, null);
    }

    /**
     * {@link #load(Path)} through a cache of compiled packs: an unchanged pack is loaded from the
     * cache instead of compiled; a pack compiled here is stored for the next run. For commands
     * that only decide; those that prove a pack (check, replay, lint) compile with {@link #load(Path)}.
     *
     * @param cache null to compile as {@link #load(Path)} does
     */
    public static RulePack load(Path dir, PackCache cache) throws RulePackException {
        return load(dir, f -> !f.startsWith(CONFIG_FOLDER), BetaNodeSharing.OFF, cache);
    }

    /**
     * Compiles the configuration-audit pack of a rules folder: {@code config/} with its tables,
     * plus {@link #CONFIG_SHARED_TABLES} of the conversation pack. Same compiler, same messages.
     */
    public static RulePack loadConfig(Path rulesDir) throws RulePackException {
        if (Files.isDirectory(rulesDir) && !Files.isDirectory(rulesDir.resolve(CONFIG_FOLDER))) {
            throw new RulePackException(List.of(rulesDir.resolve(CONFIG_FOLDER) + ": no configuration-audit rules here"));
        }
        return load(rulesDir, f -> f.startsWith(CONFIG_FOLDER) || CONFIG_SHARED_TABLES.contains(f), BetaNodeSharing.OFF,
                null);
    }

    private static RulePack load(Path dir, java.util.function.Predicate<String> include, BetaNodeSharing sharing,
            PackCache cache) throws RulePackException {
        if (!Files.isDirectory(dir)) {
            throw new RulePackException(List.of(dir + ": not a rule pack folder"));
        }
        List<String> files = listFiles(dir).stream().filter(include).toList();
        List<String> problems = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        // Every file is read once: the bytes compiled are the bytes hashed, so an edit saved during
        // a reload cannot stamp decisions with a sha256 of rules that were never compiled.
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String f : files) {
            bytes.put(f, read(dir.resolve(f)));
            if (f.endsWith(".drl")) {
                sources.put(f, new String(bytes.get(f), StandardCharsets.UTF_8));
            } else if (f.endsWith(".csv")) {
                csv.add(f);
            }
        }
        Tables.Loaded tables = Tables.load(csv, bytes::get);
        for (TableError e : tables.errors()) {
            problems.add(display(dir, e.file()) + ":" + e.line() + ": " + e.message());
        }
        String sha256 = hash(bytes);
        Path entry = cache == null || !problems.isEmpty() ? null : cache.entry(sha256, sharing);
        KieBase cached = entry == null ? null : fromCache(cache, entry, sharing);
        if (cached != null) {
            Map<String, RuleInfo> rules = describe(dir, cached, problems);
            if (problems.isEmpty()) {
                return new RulePack(dir, sha256, cached, tables, rules, sources, sharing, true);
            }
            // A cached pack that does not describe (it cannot happen for an entry written here):
            // compile, which reports what is wrong in the files themselves.
            problems.clear();
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("com.recguard.pack", "rules", "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach((f, drl) -> kfs.write(RESOURCE_ROOT + f, drl));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : packRelative(m.getPath());
            problems.add(display(dir, path) + ":" + Math.max(1, m.getLine()) + ": " + oneLine(m.getText()));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        KieBase kieBase = newKieBase(ks, releaseId, sharing);
        Map<String, RuleInfo> rules = describe(dir, kieBase, problems);
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        if (entry != null) {
            cache.write(entry, kieBase);
        }
        return new RulePack(dir, sha256, kieBase, tables, rules, sources, sharing, false);
    }

    /** A KieBase built from the cached packages of this pack, or null (with a note) when there is none usable. */
    private static KieBase fromCache(PackCache cache, Path entry, BetaNodeSharing sharing) {
        List<InternalKnowledgePackage> packages = cache.read(entry);
        if (packages == null) {
            return null;
        }
        try {
            InternalRuleBase ruleBase = RuleBaseFactory.newRuleBase(configuration(KieServices.Factory.get(), sharing));
            ruleBase.addPackages(packages);
            return KnowledgeBaseFactory.newKnowledgeBase(ruleBase);
        } catch (RuntimeException | LinkageError e) {
            cache.note("pack cache " + entry + ": cannot be built into a rule base (" + e + "); compiling the pack again");
            return null;
        }
    }

    /**
     * The same rules and tables compiled a second way, for the build-order cross-check
     * ({@code com.recguard.fixtures.BuildOrderCheck}): every fixture must decide byte for byte the
     * same on both packs. Same sha256, same tables, same node sharing; only the network build differs.
     *
     * <p>Why this second way. Drools builds a KieBase package by package: {@code addPackages} sorts
     * the packages by rule count (largest first) and only the first one is attached in bulk, with
     * its segment prototypes created once all its rules are in; every later package is attached
     * rule by rule, splitting the segments of rules already in the network. Within a package, rules
     * are attached in file order, and the in-memory KieFileSystem hands files over in HashMap order.
     * The known order-sensitive defects of the 10.x line live in exactly that incremental path
     * (apache/incubator-kie 7109: an accumulate stops firing after a later rule splits its segment;
     * 7115: {@code exists(A() and not B())} stops firing when another package also opens an
     * {@code exists} with A). Here every rule goes into <em>one</em> package, in <em>one</em> file,
     * in reverse path order: the whole network is attached in the bulk path, no segment is split by
     * a later package, and rules meet each other in the opposite order. (Only reversing the files
     * would change nothing: the file system does not keep write order, and package order follows
     * rule counts.) Each rule is renamed after its file, so sentences repeated across areas cannot
     * clash in the single package; decisions name rules by {@code @id}, which is kept.
     */
    public RulePack crossCompiled() throws RulePackException {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("com.recguard.pack", "rules-one-package", "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        kfs.write(RESOURCE_ROOT + "one-package.drl", onePackage(drlSources));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> problems = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> dir + ": the pack compiles as written but not when its rules are put into one package"
                        + " (the build-order cross-check needs both): line " + m.getLine() + ": " + oneLine(m.getText()))
                .toList();
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return new RulePack(dir, sha256, newKieBase(ks, releaseId, sharing), tables, rulesById, drlSources, sharing, false);
    }

    private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;?\\s*(//.*)?$");
    private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*(import\\s+[^;/]+);?\\s*(//.*)?$");
    private static final Pattern RULE_NAME = Pattern.compile("^(\\s*rule\\s+)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^\\s\"']+)");

    /** Every DRL file as one package {@code rules}, in reverse path order, imports merged, rules renamed after their file. */
    static String onePackage(Map<String, String> sources) {
        Set<String> imports = new TreeSet<>();
        StringBuilder body = new StringBuilder();
        List<String> files = new ArrayList<>(sources.keySet());
        Collections.reverse(files);
        for (String file : files) {
            body.append("\n// ").append(file).append('\n');
            for (String line : sources.get(file).split("\n", -1)) {
                if (PACKAGE_LINE.matcher(line).matches()) {
                    continue;
                }
                Matcher importLine = IMPORT_LINE.matcher(line);
                if (importLine.matches()) {
                    imports.add(importLine.group(1).trim() + ";");
                    continue;
                }
                Matcher rule = RULE_NAME.matcher(line);
                if (rule.find()) {
                    String name = rule.group(2);
                    // a double-quoted name is already escaped; a single-quoted or bare one may hold a '"'
                    name = name.startsWith("\"") ? name.substring(1, name.length() - 1)
                            : (name.startsWith("'") ? name.substring(1, name.length() - 1) : name).replace("\"", "\\\"");
                    line = rule.group(1) + "\"" + file + ": " + name + "\"" + line.substring(rule.end());
                }
                body.append(line).append('\n');
            }
        }
        return "package rules;\n\n" + String.join("\n", imports) + "\n" + body;
    }

    /**
     * The KieBase of a built pack, with beta-node sharing off. Drools 10.2 shares the join nodes
     * of rules that start with the same conditions; with REC-006 and REC-007 (same first two
     * conditions, then "not Recording" against "exists Recording") a fresh KieBase left REC-006
     * unfired until some session had seen a recording, so decisions depended on what was
     * evaluated before. Analysts write rules with common openings all the time; correctness comes
     * before the memory that sharing saves.
     */
    static KieBase newKieBase(KieServices ks, ReleaseId releaseId) {
        return newKieBase(ks, releaseId, BetaNodeSharing.OFF);
    }

    private static KieBase newKieBase(KieServices ks, ReleaseId releaseId, BetaNodeSharing sharing) {
        return ks.newKieContainer(releaseId).newKieBase(configuration(ks, sharing));
    }

    /** The one configuration of every KieBase of a pack, compiled or loaded from the cache. */
    private static KieBaseConfiguration configuration(KieServices ks, BetaNodeSharing sharing) {
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setProperty("drools.shareBetaNodes", String.valueOf(sharing == BetaNodeSharing.ON));
        return conf;
    }

    private static Map<String, RuleInfo> describe(Path dir, KieBase kieBase, List<String> problems) {
        List<Rule> all = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(RulePack::sourceOf).thenComparing(Rule::getName)).toList();
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (Rule r : all) {
            String file = sourceOf(r);
            int line = lineOf(dir, file, r.getName());
            Object id = r.getMetaData().get("id");
            if (id == null) {
                problems.add(display(dir, file) + ":" + line + ": rule \"" + r.getName() + "\" has no @id(...) metadata");
                continue;
            }
            RuleInfo info = new RuleInfo(id.toString(), r.getName(), areaOf(file), file);
            RuleInfo clash = byId.putIfAbsent(info.id(), info);
            if (clash != null) {
                problems.add(display(dir, file) + ":" + line + ": @id(" + info.id() + ") is already used by \""
                        + clash.name() + "\" in " + display(dir, clash.file()));
            }
        }
        return byId;
    }

    /** The line of {@code rule "name"} in the file, for messages; 1 when not found. */
    private static int lineOf(Path dir, String file, String ruleName) {
        if (file.isEmpty()) {
            return 1;
        }
        String[] lines = new String(read(dir.resolve(file)), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("\"" + ruleName + "\"")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String sourceOf(Rule r) {
        if (r instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return packRelative(impl.getResource().getSourcePath());
        }
        return "";
    }

    /** A KieFileSystem path (with or without src/main/resources/) back to the path inside the pack. */
    private static String packRelative(String kiePath) {
        String p = kiePath.replace('\\', '/');
        for (String prefix : List.of("src/main/resources/", "rules/")) {
            if (p.startsWith(prefix)) {
                p = p.substring(prefix.length());
            }
        }
        return p;
    }

    private static String areaOf(String file) {
        int slash = file.indexOf('/');
        return slash > 0 ? file.substring(0, slash) : "";
    }

    private static String display(Path dir, String relative) {
        return relative.isEmpty() ? dir.toString() : dir.resolve(relative).toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    public String sha256() {
        return sha256;
    }

    /** Whether this pack was loaded from a {@link PackCache} rather than compiled in this run. */
    public boolean fromCache() {
        return fromCache;
    }

    public Path dir() {
        return dir;
    }

    public PhraseMatcher lexicon() {
        return lexicon;
    }

    public List<String> lexiconPhrases() {
        return lexiconPhrases;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** The rows of every table, as facts. */
    public List<Object> tableFacts() {
        return tableFacts;
    }

    /** The DRL files of the pack, relative to its folder, with '/'. */
    public List<String> drlFiles() {
        return drlFiles;
    }

    /** Rules by id, in file order. */
    public Map<String, RuleInfo> rules() {
        return rulesById;
    }

    /** Runs the rules over the bundle's facts and the pack's tables. */
    public Conclusions run(List<?> facts) {
        PreparedSession s = pool.poll();
        if (s == null) {
            s = new PreparedSession(kieBase.newKieSession(sessionConfiguration(), null), tableFacts);
        }
        boolean reusable = false;
        try {
            List<FactHandle> handles = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                handles.add(s.kie.insert(fact));
            }
            s.kie.fireAllRules();
            // Every fact a rule inserted and nothing has deleted since: what the session holds
            // besides the tables and the bundle's facts (walking getObjects() would visit every table row).
            Map<Object, String> byRule = new HashMap<>(s.inserts.byObject);
            reusable = s.retract(handles);
            return new Conclusions(byRule);
        } finally {
            if (!reusable || !pool.offer(s)) {
                s.kie.dispose();
            }
        }
    }

    /**
     * Sessions are never shared between threads (the pool hands each to one caller at a time), so
     * Drools may use its unsynchronised propagation list.
     */
    private static KieSessionConfiguration sessionConfiguration() {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /**
     * A session that already holds the pack's tables (a few hundred rows that would otherwise be
     * inserted for every decision). After a run the bundle's facts are deleted, which withdraws
     * every logical conclusion that rested on them; the session is reused only if nothing but
     * the tables is left, so a rule that fires on tables alone cannot leak into the next decision.
     */
    private static final class PreparedSession {
        final KieSession kie;
        final Inserts inserts = new Inserts();
        final long tableFactCount;

        PreparedSession(KieSession kie, List<Object> tableFacts) {
            this.kie = kie;
            // Listening from the start: a conclusion drawn from the tables alone (the config pack's
            // "no policy retains calls" before any policy is inserted) is attributed like any other,
            // and withdrawn from the record when the facts of a run retract it.
            kie.addEventListener(inserts);
            tableFacts.forEach(kie::insert);
            kie.fireAllRules();
            this.tableFactCount = kie.getFactCount();
        }

        boolean retract(List<FactHandle> handles) {
            handles.forEach(kie::delete);
            kie.fireAllRules();
            return kie.getFactCount() == tableFactCount;
        }
    }

    /** Records which rule inserted each object still in the session. */
    private static final class Inserts extends DefaultRuleRuntimeEventListener {
        final Map<Object, String> byObject = new IdentityHashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                byObject.put(event.getObject(), String.valueOf(event.getRule().getMetaData().get("id")));
            }
        }

        @Override
        public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
            byObject.remove(event.getOldObject());
        }
    }

    private static List<String> listFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".drl") || f.endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sha256 over each DRL and table file's relative path and bytes, in path order. */
    /** The pack's identity: every file's name and bytes, in name order, as compiled. */
    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.getValue());
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
