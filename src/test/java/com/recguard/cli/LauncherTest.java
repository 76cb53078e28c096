package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/recguard run as a user runs it, from a scratch home (its own target/, the shipped rules and
 * fixtures linked in) with a jar made from the compiled classes, so the real target/ is untouched.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    Path home;
    Path target;
    Path scratch;

    void makeHome() throws Exception {
        home = tmp.resolve("home");
        target = home.resolve("target");
        scratch = Files.createDirectories(tmp.resolve("tmpdir"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(target);
        Files.copy(Path.of("bin/recguard"), home.resolve("bin/recguard"));
        home.resolve("bin/recguard").toFile().setExecutable(true);
        Files.createSymbolicLink(home.resolve("rules"), Path.of("rules").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("fixtures"), Path.of("fixtures").toAbsolutePath());
        writeJar(target.resolve("recguard-0.1.0-SNAPSHOT.jar"));
    }

    /** The compiled classes in a jar whose manifest names the main class and every dependency jar. */
    static void writeJar(Path jar) throws Exception {
        Path classes = Path.of("target/classes").toAbsolutePath();
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).filter(p -> p.toString().endsWith(".jar"))
                .map(p -> p.toAbsolutePath().toUri().toString()).collect(Collectors.joining(" "));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.recguard.cli.Main");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    Process launch(String... args) throws Exception {
        return launch(true, args);
    }

    Process launch(boolean fastStart, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/recguard").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("launcher.log").toFile());
        pb.environment().put("TMPDIR", scratch.toString());
        pb.environment().put("RECGUARD_FAST_START", fastStart ? "1" : "0");
        return pb.start();
    }

    static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        } catch (Exception e) {
            return "";
        }
    }

    /** Polls until the condition holds or the bound passes (a bound on waiting, not an assertion on time). */
    static boolean eventually(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 10; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    List<String> targetContents() throws Exception {
        try (Stream<Path> s = Files.list(target)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void the_launcher_becomes_the_jvm_so_sigterm_reaches_it_and_leaves_only_the_archive_behind() throws Exception {
        makeHome();
        Process watch = launch("watch", "--rules", home.resolve("rules").toString(), home.resolve("fixtures/conversations").toString());
        long pid = watch.pid();
        assertThat(eventually(() -> cmdline(pid).startsWith("java ") || !watch.isAlive(), 60))
                .as("the launcher's own pid runs java (exec); log: " + Files.readString(tmp.resolve("launcher.log"))).isTrue();
        assertThat(cmdline(pid)).startsWith("java ").contains("-jar", "watch");

        watch.destroy(); // SIGTERM to the pid a supervisor knows
        assertThat(watch.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the JVM ended on SIGTERM").isTrue();
        assertThat(watch.exitValue()).isEqualTo(143);

        // The first run after a build trains the class-data archive in the background.
        assertThat(eventually(() -> Files.exists(target.resolve("recguard.jsa"))
                && !Files.exists(target.resolve("recguard.jsa.building")), 300)).as("archive built").isTrue();
        assertThat(targetContents()).containsExactly("recguard-0.1.0-SNAPSHOT.jar", "recguard.jsa");
        try (Stream<Path> s = Files.list(scratch)) {
            assertThat(s.toList()).as("the class list is removed").isEmpty();
        }

        // The next run maps it.
        Process again = launch("watch", "--rules", home.resolve("rules").toString(), home.resolve("fixtures/conversations").toString());
        try {
            assertThat(eventually(() -> {
                try {
                    return Files.readString(Path.of("/proc/" + again.pid() + "/maps")).contains("recguard.jsa");
                } catch (Exception e) {
                    return false;
                }
            }, 60)).as("the second run maps target/recguard.jsa").isTrue();
        } finally {
            again.destroy();
            again.waitFor();
        }
        assertThat(targetContents()).containsExactly("recguard-0.1.0-SNAPSHOT.jar", "recguard.jsa");
    }

    @Test
    void the_exit_code_is_the_commands() throws Exception {
        makeHome();
        // Without the archive training, so nothing outlives the test.
        Process check = launch(false, "check", "--rules", tmp.resolve("no-such-rules").toString());
        assertThat(check.waitFor()).isEqualTo(2);
        Process version = launch(false, "--version");
        assertThat(version.waitFor()).isZero();
        assertThat(Files.readString(tmp.resolve("launcher.log"))).startsWith("recguard ");
    }
}
