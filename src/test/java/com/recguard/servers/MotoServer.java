package com.recguard.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * moto_server (moto 5) on 127.0.0.1 and a free port. Found as $MOTO_SERVER, on the PATH, or in
 * pyenv's shims. moto enforces COMPLIANCE delete refusal, legal holds and If-None-Match; it does
 * not refuse a shortened retention nor check checksums (shared/reference/local-servers.md).
 */
public final class MotoServer implements S3Server {

    private final int port;
    private final Process process;

    private MotoServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /**
     * The binary, when it is installed and works (the pyenv shim exists even where moto does not).
     * {@code MOTO_SERVER=off} hides it, to run the suite as on a CI machine without moto.
     */
    public static Optional<Path> binary() {
        if ("off".equals(System.getenv("MOTO_SERVER"))) {
            return Optional.empty();
        }
        Optional<Path> p = Processes.find("moto_server", Arrays.asList(System.getenv("MOTO_SERVER"),
                System.getProperty("user.home") + "/.pyenv/shims/moto_server"));
        return p.filter(b -> Processes.runs(Duration.ofSeconds(30), b.toString(), "--help"));
    }

    public static MotoServer start(Path binary) {
        int port = Processes.freePort();
        Path log = Processes.logFile("moto", port);
        try {
            Process p = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MotoServer s = new MotoServer(port, p);
            Processes.awaitHttp(URI.create("http://127.0.0.1:" + port + "/moto-api/"), Duration.ofSeconds(30), p, log);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "moto";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public String accessKey() {
        return "test";
    }

    @Override
    public String secretKey() {
        return "test";
    }

    /** Wipes every bucket. */
    public void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.getResponseCode();
            c.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
