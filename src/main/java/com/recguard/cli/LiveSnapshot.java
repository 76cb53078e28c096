package com.recguard.cli;

import com.recguard.adapter.genesys.GenesysClient;
import com.recguard.adapter.genesys.GenesysConfig;
import com.recguard.adapter.genesys.GenesysConfigReader;
import com.recguard.adapter.s3.S3BucketInspector;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.archive.Buckets;
import com.recguard.archive.Location;
import com.recguard.config.BucketState;
import com.recguard.config.ConfigSnapshot;
import com.recguard.facts.ZoneArchive;
import com.recguard.rules.RulePack;
import com.recguard.service.ActionException;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records a configuration snapshot from the live systems: Genesys through its adapter, and the
 * bucket of every archive region of the zone table through the S3 adapter.
 */
public final class LiveSnapshot {

    /** The live systems cannot be audited at all (configuration missing, login refused, unreachable). */
    public static final class CannotRecord extends Exception {
        CannotRecord(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Calibration sessions read: wider than the monthly rule, so that a late one is reported with its age. */
    static final java.time.Duration CALIBRATION_WINDOW = java.time.Duration.ofDays(90);

    private LiveSnapshot() {}

    public static ConfigSnapshot record(Map<String, String> env, RulePack configPack, Buckets buckets, S3Settings s3,
            Map<String, String> recguardSettings) throws CannotRecord {
        return record(env, configPack, buckets, s3, recguardSettings, Clock.systemUTC());
    }

    public static ConfigSnapshot record(Map<String, String> env, RulePack configPack, Buckets buckets, S3Settings s3,
            Map<String, String> recguardSettings, Clock clock) throws CannotRecord {
        GenesysConfig config;
        try {
            config = GenesysConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new CannotRecord(e.getMessage() + " (or audit a recorded file with --snapshot FILE)", e);
        }
        return record(config, configPack, buckets, s3, recguardSettings, clock);
    }

    /** Records the live configuration with Genesys settings already read (serve reads them once, at start). */
    public static ConfigSnapshot record(GenesysConfig config, RulePack configPack, Buckets buckets, S3Settings s3,
            Map<String, String> recguardSettings, Clock clock) throws CannotRecord {
        Map<String, String> genesys;
        try (GenesysClient client = new GenesysClient(config, clock)) {
            java.time.Instant now = clock.instant();
            genesys = new GenesysConfigReader(client).read(config.qaEvaluatorId(), now.minus(CALIBRATION_WINDOW), now);
        } catch (ActionException e) {
            throw new CannotRecord("cannot read the Genesys configuration: " + e.getMessage(), e);
        }
        TreeSet<String> regions = new TreeSet<>();
        configPack.tableFacts().stream().filter(ZoneArchive.class::isInstance).map(ZoneArchive.class::cast)
                .forEach(z -> regions.add(z.archiveRegion()));
        Map<String, BucketState> states = new TreeMap<>();
        try (S3BucketInspector s3i = new S3BucketInspector(s3)) {
            for (String region : regions) {
                Location at = buckets.of(region);
                states.put(at.bucket(), s3i.describe(at.bucket(), region));
            }
        }
        return new ConfigSnapshot(clock.instant(), genesys, states, recguardSettings);
    }
}
