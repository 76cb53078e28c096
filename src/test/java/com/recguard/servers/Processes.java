package com.recguard.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Free ports, binaries on the PATH, readiness polls, and stopping a process tree. */
public final class Processes {

    private Processes() {}

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first executable among explicit candidates and the PATH entries. */
    public static Optional<Path> find(String name, List<String> candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
                return Optional.of(Path.of(c));
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True when {@code command} exits 0 within {@code timeout}. */
    public static boolean runs(Duration timeout, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The classpath of this test run, for a child JVM. */
    public static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Waits until GET {@code url} answers with any HTTP status, or fails after {@code timeout}. */
    public static void awaitHttp(URI url, Duration timeout, Process process, Path log) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(url + ": the server exited with " + process.exitValue() + "; log: " + tail(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                int code = c.getResponseCode();
                c.disconnect();
                if (code > 0) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            sleep(100);
        }
        throw new IllegalStateException(url + " did not answer within " + timeout + "; log: " + tail(log));
    }

    public static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String tail(Path log) {
        try {
            if (log == null || !Files.exists(log)) {
                return "(no log)";
            }
            String s = Files.readString(log);
            return s.length() > 3000 ? "…" + s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(unreadable log: " + e.getMessage() + ")";
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** target/servers/NAME-PORT.log */
    public static Path logFile(String name, int port) {
        try {
            Path dir = Path.of("target", "servers");
            Files.createDirectories(dir);
            return dir.resolve(name + "-" + port + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
