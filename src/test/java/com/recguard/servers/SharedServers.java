package com.recguard.servers;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * One moto and one Ceph per test JVM, started on first use and stopped when the JVM exits, so
 * that test classes share their start-up cost (Ceph takes ~12 s). Each test makes buckets of its own.
 */
public final class SharedServers {

    private static MotoServer moto;
    private static CephServer ceph;
    private static Boolean motoAvailable;
    private static AzuriteServer azurite;

    private SharedServers() {}

    public static synchronized boolean motoAvailable() {
        if (motoAvailable == null) {
            motoAvailable = MotoServer.binary().isPresent();
        }
        return motoAvailable;
    }

    /** moto_server, or the test is skipped with why. */
    public static synchronized MotoServer moto() {
        Path bin = motoAvailable() ? MotoServer.binary().orElse(null) : null;
        Assumptions.assumeTrue(bin != null, "moto_server is not installed here (PyPI only, no Debian package);"
                + " the same archive contract runs on Ceph radosgw (CephArchiveTest)");
        if (moto == null) {
            moto = MotoServer.start(bin);
            Runtime.getRuntime().addShutdownHook(new Thread(moto::close));
        }
        return moto;
    }

    /** Ceph radosgw, or the test is skipped with why. */
    public static synchronized CephServer ceph() {
        Optional<String> why = CephServer.unavailable();
        if (why.isPresent()) {
            skipLoudly("CEPH RADOSGW UNAVAILABLE: this archive test did NOT run: " + why.get());
        }
        if (ceph == null) {
            ceph = CephServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(ceph::close));
        }
        return ceph;
    }

    /**
     * Azurite, or the test is skipped, loudly: with why on stderr and in the report. On CI
     * ({@code CI} set) a missing Azurite fails the test instead, since .ci/install-test-servers installs it.
     */
    public static synchronized AzuriteServer azurite() {
        Optional<Path> bin = AzuriteServer.binary();
        if (bin.isEmpty()) {
            skipLoudly("AZURITE NOT INSTALLED: the Azure archive contract did NOT run. Install it with"
                    + " `npm install -g azurite@3.37.0` (.ci/install-test-servers does) or set AZURITE_BLOB");
        }
        if (azurite == null) {
            azurite = AzuriteServer.start(bin.get());
            Runtime.getRuntime().addShutdownHook(new Thread(azurite::close));
        }
        return azurite;
    }

    /**
     * The JDBC URL of the local PostgreSQL that .ci/install-test-servers starts and bin/test passes
     * in RECGUARD_TEST_PG_URL; without it the test is skipped loudly, and fails on CI.
     */
    public static String postgresUrl() {
        String url = System.getenv("RECGUARD_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            skipLoudly("POSTGRESQL UNAVAILABLE: this PostgreSQL test did NOT run: RECGUARD_TEST_PG_URL is not set"
                    + " (bin/test sets it when .ci/install-test-servers could install and start PostgreSQL)");
        }
        return url;
    }

    /**
     * Skips the calling test with why on stderr and in the report; on CI ({@code CI} set) fails it
     * instead, since .ci/install-test-servers installs every server the suite needs.
     */
    static void skipLoudly(String why) {
        System.err.println("*** " + why);
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(why + " (CI is set: this must not be skipped)");
        }
        Assumptions.abort(why);
    }

    /** moto when installed (fast), else Ceph: for tests of the CLI, crash safety and throughput. */
    public static S3Server any() {
        return motoAvailable() ? moto() : ceph();
    }
}
