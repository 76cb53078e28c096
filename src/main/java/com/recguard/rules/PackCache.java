package com.recguard.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packs on disk, so that a command which only decides (evaluate, explain, the
 * service's first load) does not compile an unchanged pack again: compiling the shipped DRL takes
 * seconds in a fresh JVM, loading it from here a fraction of that.
 *
 * <p>What is stored: the KieBase's compiled packages (rules, their compiled consequences and
 * constraints) in Drools' own externalised form. Drools 10 no longer serialises a whole KieBase
 * ({@code SessionsAwareKnowledgeBase} is not Serializable), but its packages are Externalizable;
 * the network is built again from them on load, with the same configuration as a fresh compile,
 * which costs a few hundred milliseconds and no DRL parsing or Java compiling.
 *
 * <p>Keyed by what decides the compiled bytes: the pack's sha256 (every DRL and table file), the
 * Drools version, the recguard build (version and the size and time of its jar or classes, since
 * the consequences name fact classes) and the node sharing. An edited pack has another sha256 and
 * misses; an upgraded recguard or Drools misses. Each entry records the sha256 of its payload and
 * is checked on every load: a torn, truncated, flipped or unreadable entry is reported on the
 * note channel (stderr for the CLI) and compiled again, never used. Entries are written to a
 * temporary file in the same folder and renamed into place, so a reader sees a whole entry or
 * none, and two writers of one key each rename a whole copy.
 *
 * <p>Commands that prove a pack (check, replay, lint) do not use the cache: they compile.
 */
public final class PackCache {

    /** Environment variable naming the cache folder; {@value #OFF} turns caching off. */
    public static final String ENV = "RECGUARD_CACHE_DIR";
    public static final String OFF = "off";
    private static final String MAGIC = "recguard-pack-cache 1";

    private final Path dir;
    private final Consumer<String> notes;
    private final String build;

    /**
     * @param dir   the folder holding entries (created when first written)
     * @param notes where to say that an entry was refused or could not be written
     */
    public PackCache(Path dir, Consumer<String> notes) {
        this(dir, notes, buildStamp());
    }

    /** With an explicit build stamp, so that tests can stand for another recguard build. */
    PackCache(Path dir, Consumer<String> notes, String build) {
        this.dir = dir;
        this.notes = notes;
        this.build = build;
    }

    /**
     * The user's cache: {@code $RECGUARD_CACHE_DIR}, else {@code $XDG_CACHE_HOME/recguard/packs},
     * else {@code ~/.cache/recguard/packs}; null when {@code RECGUARD_CACHE_DIR=off} or there is no home.
     */
    public static PackCache forUser(Consumer<String> notes) {
        String explicit = System.getenv(ENV);
        if (OFF.equalsIgnoreCase(explicit)) {
            return null;
        }
        if (explicit != null && !explicit.isBlank()) {
            return new PackCache(Path.of(explicit), notes);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new PackCache(Path.of(xdg, "recguard", "packs"), notes);
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : new PackCache(Path.of(home, ".cache", "recguard", "packs"), notes);
    }

    public Path dir() {
        return dir;
    }

    /** The file of the entry for a pack of this sha256 compiled with this node sharing. */
    Path entry(String packSha256, RulePack.BetaNodeSharing sharing) {
        String key = String.join("\n", packSha256, droolsVersion(), build, sharing.name());
        return dir.resolve(hex(sha256(key.getBytes(StandardCharsets.UTF_8))) + ".kpack");
    }

    void note(String message) {
        notes.accept(message);
    }

    /** The cached packages, or null when there is no entry or it is refused (with a note). */
    List<InternalKnowledgePackage> read(Path entry) {
        byte[] all;
        try {
            all = Files.readAllBytes(entry);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            notes.accept("pack cache " + entry + ": cannot read (" + e.getMessage() + "); compiling the pack again");
            return null;
        }
        byte[] payload = verified(all);
        if (payload == null) {
            notes.accept("pack cache " + entry + ": corrupt (its bytes do not match the sha256 recorded in it);"
                    + " compiling the pack again");
            return null;
        }
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload),
                PackCache.class.getClassLoader())) {
            List<InternalKnowledgePackage> packages = new ArrayList<>();
            for (Object o : (List<?>) in.readObject()) {
                packages.add((InternalKnowledgePackage) o);
            }
            return packages;
        } catch (IOException | ClassNotFoundException | ClassCastException | LinkageError e) {
            notes.accept("pack cache " + entry + ": unreadable (" + e + "); compiling the pack again");
            return null;
        }
    }

    /** Stores the packages of a freshly compiled KieBase; a failure to write is a note, not an error. */
    void write(Path entry, KieBase kieBase) {
        // In name order, so that the same pack always gives the same bytes and the same build order.
        List<KiePackage> packages = kieBase.getKiePackages().stream().sorted(Comparator.comparing(KiePackage::getName))
                .toList();
        Path tmp = null;
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
                out.writeObject(new ArrayList<>(packages));
            }
            byte[] body = payload.toByteArray();
            byte[] header = (MAGIC + "\nsha256:" + hex(sha256(body)) + "\n").getBytes(StandardCharsets.US_ASCII);
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, entry.getFileName().toString(), ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                out.write(header);
                out.write(body);
            }
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            notes.accept("pack cache " + dir + ": cannot store the compiled pack (" + e + "); the next run compiles again");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: it never has the name of an entry
                }
            }
        }
    }

    /** The payload of an entry whose header names its sha256, or null when the bytes disagree. */
    private static byte[] verified(byte[] all) {
        byte[] magic = (MAGIC + "\nsha256:").getBytes(StandardCharsets.US_ASCII);
        int hashEnd = magic.length + 64;
        if (all.length <= hashEnd || !Arrays.equals(all, 0, magic.length, magic, 0, magic.length) || all[hashEnd] != '\n') {
            return null;
        }
        String recorded = new String(all, magic.length, 64, StandardCharsets.US_ASCII);
        byte[] payload = Arrays.copyOfRange(all, hashEnd + 1, all.length);
        return recorded.equals(hex(sha256(payload))) ? payload : null;
    }

    /** The Drools release compiled against, from its jar's Maven metadata. */
    static String droolsVersion() {
        try (InputStream in = KieBase.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return "drools " + p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        String v = org.drools.core.impl.KnowledgeBaseImpl.class.getPackage().getImplementationVersion();
        return "drools " + (v == null ? "unknown" : v);
    }

    /**
     * This recguard build: its version, and the size and modification time of the jar (or, run
     * from classes, of the newest fact class), so that a rebuilt jar with changed facts misses.
     */
    static String buildStamp() {
        String version = PackCache.class.getPackage().getImplementationVersion();
        String where;
        try {
            Path source = Path.of(PackCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> walk = Files.walk(source.resolve("com/recguard"))) {
                    where = source + " " + walk.filter(Files::isRegularFile).mapToLong(PackCache::modified).max().orElse(0);
                }
            } else {
                where = source + " " + Files.size(source) + " " + Files.getLastModifiedTime(source).toMillis();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            where = "unknown location";
        }
        return "recguard " + (version == null ? "dev" : version) + " " + where;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
