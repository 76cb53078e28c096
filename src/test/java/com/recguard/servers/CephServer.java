package com.recguard.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Ceph cluster with radosgw, started by scripts/ceph-s3.sh on free loopback ports
 * (mon v1/v2 and rgw; the OSD picks free ports itself). Needs the Debian packages radosgw,
 * ceph-mon, ceph-osd and root. Ceph is the strictest of the local servers: it refuses a shortened
 * COMPLIANCE date and checks Content-MD5; it does not refuse a second If-None-Match PUT on a
 * versioned bucket (it makes a new version).
 */
public final class CephServer implements S3Server {

    static final Path SCRIPT = Path.of("scripts", "ceph-s3.sh");

    private final int port;
    private final Path dir;

    private CephServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Why Ceph cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        if (Processes.find("radosgw", java.util.List.of("/usr/bin/radosgw")).isEmpty()
                || Processes.find("ceph-mon", java.util.List.of("/usr/bin/ceph-mon")).isEmpty()
                || Processes.find("ceph-osd", java.util.List.of("/usr/bin/ceph-osd")).isEmpty()) {
            return Optional.of("radosgw/ceph-mon/ceph-osd are not installed (apt-get install radosgw ceph-mon ceph-osd,"
                    + " as .ci/install-test-servers does)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a throw-away Ceph cluster needs root");
        }
        return Optional.empty();
    }

    public static CephServer start() {
        int rgw = Processes.freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("recguard-ceph-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = Processes.logFile("ceph", rgw);
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), "start").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("D", dir.toString());
        pb.environment().put("RGW_PORT", String.valueOf(rgw));
        pb.environment().put("MON_PORT", String.valueOf(Processes.freePort()));
        pb.environment().put("MON_PORT_V1", String.valueOf(Processes.freePort()));
        CephServer s = new CephServer(rgw, dir);
        try {
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                s.close();
                throw new IllegalStateException("Ceph did not start: " + Processes.tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Processes.awaitHttp(URI.create("http://127.0.0.1:" + rgw + "/"), Duration.ofSeconds(30), null, log);
        return s;
    }

    @Override
    public String name() {
        return "ceph";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public String accessKey() {
        return "test-access-key";
    }

    @Override
    public String secretKey() {
        return "test-secret-key";
    }

    @Override
    public void close() {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), "stop").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("D", dir.toString());
        try {
            pb.start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
