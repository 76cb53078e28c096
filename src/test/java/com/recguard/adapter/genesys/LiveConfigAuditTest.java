package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.TestPaths;
import com.recguard.archive.Buckets;
import com.recguard.cli.LiveSnapshot;
import com.recguard.config.AuditFinding;
import com.recguard.config.AuditReport;
import com.recguard.service.ConfigAudit;
import com.recguard.config.ConfigSnapshot;
import com.recguard.json.ConfigSnapshotJson;
import com.recguard.rules.RulePack;
import com.recguard.servers.MotoServer;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * The live path: Genesys-shaped responses from a stub on 127.0.0.1 (the compliant org of
 * fixtures-config/orgs/compliant.json, served path by path) and real buckets on moto_server, recorded
 * into a snapshot through the SDK adapters and evaluated by the same pack as offline snapshots.
 */
class LiveConfigAuditTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-06T17:00:00Z"), ZoneOffset.UTC);
    static final String CLIENT = "7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    static final String EVALUATOR = "0e1f2a3b-eeee-4c5d-8e9f-0a1b2c3d4e09";
    static RulePack pack;
    static ConfigSnapshot compliant;

    MotoServer moto;
    S3Client raw;
    String eu;
    String us;

    @BeforeAll
    static void load() throws Exception {
        pack = RulePack.loadConfig(TestPaths.RULES);
        compliant = ConfigSnapshotJson.read(Path.of("fixtures-config/orgs/compliant.json"));
    }

    @BeforeEach
    void servers() {
        moto = SharedServers.moto();
        raw = moto.rawClient();
        String run = UUID.randomUUID().toString().substring(0, 8);
        eu = "audit-eu-" + run;
        us = "audit-us-" + run;
        GenesysStub.token(wm, "tok-cfg");
        compliant.genesys().forEach((key, body) -> {
            String path = key.contains("?") ? key.substring(0, key.indexOf('?')) : key;
            wm.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer tok-cfg")).willReturn(okJson(body)));
        });
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(GenesysStub.env(wm));
        env.put(GenesysConfig.CLIENT_ID, CLIENT);
        env.put(GenesysConfig.QA_EVALUATOR_ID, EVALUATOR);
        return env;
    }

    private ConfigSnapshot record() throws Exception {
        // the export integration writes to this run's EU bucket
        wm.stubFor(get(urlPathEqualTo("/api/v2/integrations/i-s3-export-0001/config/current")).willReturn(okJson(
                compliant.genesys().get("/api/v2/integrations/i-s3-export-0001/config/current").replace("recguard-archive-eu-west-1", eu))));
        Buckets buckets = new Buckets(null, Map.of("eu-west-1", eu, "us-east-1", us));
        GenesysStub.token(wm, "tok-cfg");
        var env = env();
        // the client authorises with the stub's client id; the token stub checks Basic auth of GenesysStub's id
        env.put(GenesysConfig.CLIENT_ID, GenesysStub.CLIENT_ID);
        wm.stubFor(get(urlPathEqualTo("/api/v2/oauth/clients/" + GenesysStub.CLIENT_ID))
                .willReturn(okJson(compliant.genesys().get("/api/v2/oauth/clients/" + CLIENT)
                        .replace("\"id\":\"" + CLIENT + "\"", "\"id\":\"" + GenesysStub.CLIENT_ID + "\",\"secret\":\"do-not-keep-me\""))));
        return LiveSnapshot.record(env, pack, buckets, moto.settings(), new ConfigAudit(pack).recguardSettings(), CLOCK);
    }

    private void lockedSevenYears(String bucket, String region) {
        raw.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true)
                .createBucketConfiguration(c -> c.locationConstraint(region.equals("us-east-1") ? null : region)));
        raw.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(7)))));
        raw.putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":[\"s3:DeleteObjectVersion\",\"s3:BypassGovernanceRetention\"],"
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));
    }

    private AuditReport audit(ConfigSnapshot s) throws Exception {
        // as `recguard audit` does: the written snapshot is what is evaluated
        return new ConfigAudit(pack).evaluate(ConfigSnapshotJson.parse(ConfigSnapshotJson.write(s)));
    }

    @Test
    void a_live_org_matching_the_guide_with_locked_buckets_is_compliant() throws Exception {
        lockedSevenYears(eu, "eu-west-1");
        lockedSevenYears(us, "us-east-1");

        ConfigSnapshot s = record();

        assertThat(s.genesys()).containsKeys("/api/v2/recording/mediaretentionpolicies?pageNumber=1&pageSize=100",
                "/api/v2/telephony/providers/edges/trunkbasesettings?pageNumber=1&pageSize=100&expand=properties",
                "/api/v2/quality/calibrations?calibratorId=" + EVALUATOR
                        + "&startTime=2025-12-06T17:00:00Z&endTime=2026-03-06T17:00:00Z&pageNumber=1&pageSize=100",
                "/api/v2/integrations/types/aws-s3-recording-bulk-actions-integration/configschemas/properties");
        assertThat(s.buckets().get(eu).objectLock()).isTrue();
        assertThat(s.buckets().get(eu).defaultYears()).isEqualTo(7);
        assertThat(s.buckets().get(eu).sampledRecordings()).isZero();
        assertThat(audit(s).findings()).isEmpty();
    }

    @Test
    void governance_plain_and_missing_buckets_are_reported_from_moto() throws Exception {
        TestBuckets.governance(raw, eu);
        // no bucket for us-east-1 at all

        AuditReport r = audit(record());

        assertThat(r.findings()).extracting(AuditFinding::rule, AuditFinding::subject).contains(
                org.assertj.core.groups.Tuple.tuple("CFG-013", eu),
                org.assertj.core.groups.Tuple.tuple("CFG-014", eu),
                org.assertj.core.groups.Tuple.tuple("CFG-017", eu),
                org.assertj.core.groups.Tuple.tuple("CFG-012", us));
    }

    @Test
    void a_forbidden_endpoint_is_reported_as_unreadable_not_as_compliant() throws Exception {
        lockedSevenYears(eu, "eu-west-1");
        lockedSevenYears(us, "us-east-1");
        wm.stubFor(get(urlPathEqualTo("/api/v2/telephony/providers/edges/trunkbasesettings"))
                .willReturn(GenesysStub.error(403, "missing.permissions", "You are missing the following permission(s): telephony:plugin:all")));

        AuditReport r = audit(record());

        assertThat(r.findings()).filteredOn(f -> f.code().equals("CONFIG_UNREADABLE"))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("trunk settings");
                    assertThat(f.reason()).contains("HTTP 403").contains("telephony:plugin:all");
                });
    }

    @Test
    void the_saved_snapshot_leaves_out_secrets_and_user_names() throws Exception {
        lockedSevenYears(eu, "eu-west-1");
        wm.stubFor(get(urlPathEqualTo("/api/v2/quality/calibrations")).willReturn(okJson("{\"entities\":[{\"id\":\"cal-1\","
                + "\"createdDate\":\"2026-02-20T10:00:00.000Z\",\"calibrator\":{\"id\":\"" + EVALUATOR + "\",\"name\":\"Dana Whitfield\","
                + "\"email\":\"dana@example.com\",\"selfUri\":\"/api/v2/users/" + EVALUATOR + "\"}}],\"pageCount\":1}")));

        String written = ConfigSnapshotJson.write(record());

        assertThat(written).doesNotContain("do-not-keep-me", "Dana Whitfield", "dana@example.com", GenesysStub.CLIENT_SECRET, "tok-cfg")
                .contains(EVALUATOR, "MiFID-II-Mandatory-Voice");
    }

    @Test
    void a_refused_login_means_the_audit_cannot_run() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(GenesysStub.TOKEN_PATH))
                .willReturn(GenesysStub.error(401, "invalid_client", "bad credentials")));
        Map<String, String> env = env();
        env.put(GenesysConfig.CLIENT_SECRET, "wrong");
        assertThatThrownBy(() -> LiveSnapshot.record(env, pack, Buckets.defaults(), moto.settings(), Map.of(), CLOCK))
                .isInstanceOf(LiveSnapshot.CannotRecord.class).hasMessageContaining("HTTP 401");
    }
}
