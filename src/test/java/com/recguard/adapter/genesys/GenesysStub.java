package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Genesys Cloud stand-in on a random 127.0.0.1 port, and the config that points the adapter at it. */
final class GenesysStub {

    static final String CLIENT_ID = "recguard-test-client";
    static final String CLIENT_SECRET = "s3cr3t-not-for-logs";
    static final String FORM_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01";
    static final String EVALUATOR_ID = "0e1f2a3b-eeee-4c5d-8e9f-0a1b2c3d4e09";
    static final String CONVERSATION_ID = "5d8c2f1e-6a4b-4c3d-9e8f-7a6b5c4d3e2f";
    static final String API = "/api/v2";
    static final String CUSTOMER_LEG = "b2d4f6a8-1001-4c3e-9f70-2b3c4d5e6f01";
    static final String FIRST_AGENT_LEG = "b2d4f6a8-1004-4c3e-9f70-2b3c4d5e6f04";
    static final String CONSULT_LEG = "b2d4f6a8-1005-4c3e-9f70-2b3c4d5e6f05";
    static final String SECOND_AGENT_LEG = "b2d4f6a8-1008-4c3e-9f70-2b3c4d5e6f08";
    static final String DANA = "0e1f2a3b-aaaa-4c5d-8e9f-0a1b2c3d4e01";
    static final String MARCUS = "0e1f2a3b-bbbb-4c5d-8e9f-0a1b2c3d4e02";
    static final String PRIYA = "0e1f2a3b-cccc-4c5d-8e9f-0a1b2c3d4e03";
    static final String CUSTOMER_PARTICIPANT = "a1c3e5f7-0001-4b2d-8e6f-1a2b3c4d5e01";
    /** The token endpoint lives under its own prefix, so a call to the SDK's derived URL would miss it. */
    static final String TOKEN_PATH = "/login/oauth/token";

    private GenesysStub() {}

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static String base(WireMockExtension wm) {
        return "http://127.0.0.1:" + wm.getPort();
    }

    static Map<String, String> env(WireMockExtension wm) {
        Map<String, String> env = new HashMap<>();
        env.put(GenesysConfig.BASE_URL, base(wm));
        env.put(GenesysConfig.LOGIN_URL, base(wm) + "/login");
        env.put(GenesysConfig.CLIENT_ID, CLIENT_ID);
        env.put(GenesysConfig.CLIENT_SECRET, CLIENT_SECRET);
        env.put(GenesysConfig.QA_FORM_ID, FORM_ID);
        env.put(GenesysConfig.QA_EVALUATOR_ID, EVALUATOR_ID);
        env.put(GenesysConfig.TIMEOUT_MS, "5000");
        return env;
    }

    static GenesysConfig config(WireMockExtension wm) {
        return GenesysConfig.fromEnv(env(wm));
    }

    /** The recording of Marcus's leg: the one that uploads late in {@link #uploadingThenAvailableThenArchived}. */
    static final String SECOND_LEG_RECORDING = "6b7c8d9e-0d0d-48fa-51d2-4b5c6d7e8f01";
    static final String METADATA_PATH = API + "/conversations/" + CONVERSATION_ID + "/recordingmetadata";
    static final String UPLOAD_SCENARIO = "recording upload";

    /**
     * The conversation of src/test/resources/genesys: a California client through the IVR (recording
     * suppressed by the flow until an agent answers) to the Equities Desk, a consult with
     * Compliance, a blind transfer to Private Clients US. Recordings: the client's leg (with the
     * FlowOrQueue pause), each agent leg, the consult leg, and a screen recording of the first
     * agent's desktop; a transcript of the last leg only, in two pieces; stored in us-east-1.
     * Every JSON is shaped from the 198.1.0 SDK models (docs/genesys.md lists the sources).
     */
    static void conversation(WireMockExtension wm) {
        GenesysStub.token(wm, "tok-1");
        String conv = API + "/conversations/" + CONVERSATION_ID;
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/" + CONVERSATION_ID + "/details"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(okJson(resource("conversation-detail.json"))));
        wm.stubFor(get(urlPathEqualTo(conv)).willReturn(okJson(resource("conversation.json"))));
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson(resource("recordingmetadata.json"))));
        String sta = API + "/speechandtextanalytics/conversations/" + CONVERSATION_ID + "/communications/";
        for (String leg : List.of(CUSTOMER_LEG, FIRST_AGENT_LEG, CONSULT_LEG)) {
            wm.stubFor(get(urlPathEqualTo(sta + leg + "/transcripturls"))
                    .willReturn(GenesysStub.error(404, "not.found", "No transcript exists for this communication")));
        }
        String s3 = GenesysStub.base(wm) + "/s3/transcripts/" + CONVERSATION_ID + "/" + SECOND_AGENT_LEG;
        String signature = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature=5f2a9c";
        // TranscriptUrls{conversation, communicationId, urls[SegmentUrl{recording, url}]}
        wm.stubFor(get(urlPathEqualTo(sta + SECOND_AGENT_LEG + "/transcripturls")).willReturn(okJson(
                "{\"conversation\":{\"id\":\"" + CONVERSATION_ID + "\",\"selfUri\":\"/api/v2/conversations/" + CONVERSATION_ID + "\"},"
                        + "\"communicationId\":\"" + SECOND_AGENT_LEG + "\",\"urls\":["
                        + "{\"recording\":{\"id\":\"" + SECOND_LEG_RECORDING + "\"},\"url\":\"" + s3 + "-1.json" + signature + "\"},"
                        + "{\"recording\":{\"id\":\"" + SECOND_LEG_RECORDING + "\"},\"url\":\"" + s3 + "-2.json" + signature + "\"}]}")));
        wm.stubFor(get(urlPathMatching("/s3/transcripts/.*-1\\.json")).willReturn(okJson(resource("transcript-part-1.json"))));
        wm.stubFor(get(urlPathMatching("/s3/transcripts/.*-2\\.json")).willReturn(okJson(resource("transcript-part-2.json"))));
        wm.stubFor(get(urlPathEqualTo(API + "/recording/settings")).willReturn(okJson(
                "{\"maxSimultaneousStreams\":0,\"maxConfigurableScreenRecordingStreams\":2,\"regionalRecordingStorageEnabled\":false}")));
        wm.stubFor(get(urlPathEqualTo(API + "/telephony/mediaregions")).willReturn(okJson(
                "{\"awsHomeRegion\":\"us-east-1\",\"awsCoreRegions\":[\"us-east-1\",\"us-west-2\"],\"awsSatelliteRegions\":[]}")));
    }

    /**
     * The stub conversation's detail flags the customer's and the consult user's sessions as
     * recorded, though no recording names them (Genesys names the agents' sessions): under REC-011
     * that stays pending until the settle deadline. Here only the agents' sessions are flagged, so
     * the conversation settles once its recordings are AVAILABLE.
     */
    static void detailWithAgentRecordingsOnly(WireMockExtension wm) {
        try {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var detail = mapper.readTree(GenesysStub.resource("conversation-detail.json"));
        for (var p : detail.get("participants")) {
            for (var s : p.path("sessions")) {
                if (!"agent".equals(p.path("purpose").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("recording");
                }
            }
        }
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/" + CONVERSATION_ID + "/details"))
                .willReturn(okJson(mapper.writeValueAsString(detail))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Genesys' timing (genesys-api.md (i)): the last leg's recording is still on the Edge,
     * {@code UPLOADING}, on the first two gathers (no pause annotations yet: Genesys populates them
     * once the file is AVAILABLE); AVAILABLE with its secure pause on the third; ARCHIVED from the
     * fourth on, when Genesys no longer returns any pause annotation. One recordingmetadata GET is
     * one step of the WireMock scenario {@value #UPLOAD_SCENARIO}.
     */
    static void uploadingThenAvailableThenArchived(WireMockExtension wm) {
        conversation(wm);
        String available = resource("recordingmetadata.json");
        String uploading = metadata(available, (id, r) -> {
            if (SECOND_LEG_RECORDING.equals(id)) {
                r.put("fileState", "UPLOADING");
                r.putArray("annotations");
                r.remove(List.of("archiveDate", "deleteDate"));
            }
        });
        String archived = metadata(available, (id, r) -> {
            r.put("fileState", "ARCHIVED");
            r.put("archiveMedium", "CloudArchive");
            r.putArray("annotations");
        });
        step(wm, Scenario.STARTED, "second gather", uploading);
        step(wm, "second gather", "available", uploading);
        step(wm, "available", "archived", available);
        step(wm, "archived", "archived", archived);
    }

    /** Only the screen recording of the first agent's desktop exists (no audio was ever recorded). */
    static void onlyAScreenRecording(WireMockExtension wm) {
        conversation(wm);
        String screenOnly = metadata(resource("recordingmetadata.json"), (id, r) -> {});
        ArrayNode all;
        try {
            all = (ArrayNode) JSON.readTree(screenOnly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode kept = JSON.createArrayNode();
        all.forEach(r -> {
            if ("screen".equals(r.path("media").asText())) {
                kept.add(r);
            }
        });
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson(kept.toString())));
    }

    /** A recording's state as Genesys may send it although this SDK's enum has no such value. */
    static void secondLegIn(WireMockExtension wm, String fileState) {
        conversation(wm);
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).willReturn(okJson(metadata(resource("recordingmetadata.json"),
                (id, r) -> {
                    if (SECOND_LEG_RECORDING.equals(id)) {
                        r.put("fileState", fileState);
                        r.putArray("annotations");
                    }
                }))));
    }

    private static void step(WireMockExtension wm, String state, String next, String body) {
        wm.stubFor(get(urlPathEqualTo(METADATA_PATH)).inScenario(UPLOAD_SCENARIO).whenScenarioStateIs(state)
                .willSetStateTo(next).willReturn(okJson(body)));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The recording metadata list with each recording changed by {@code change(id, recording)}. */
    private static String metadata(String json, java.util.function.BiConsumer<String, ObjectNode> change) {
        try {
            ArrayNode list = (ArrayNode) JSON.readTree(json);
            list.forEach(r -> change.accept(r.path("id").asText(), (ObjectNode) r));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /** The token endpoint answering every request with {@code token}. */
    static void token(WireMockExtension wm, String token) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo(basicAuth()))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(tokenResponse(token, 86400)));
    }

    static ResponseDefinitionBuilder tokenResponse(String token, int expiresIn) {
        return okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}");
    }

    /** A Genesys-shaped error. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("ININ-Correlation-Id", "corr-" + status)
                .withBody("{\"message\":\"" + message + "\",\"code\":\"" + code + "\",\"status\":" + status
                        + ",\"messageParams\":{},\"contextId\":\"ctx-" + status + "\",\"details\":[],\"errors\":[]}");
    }

    static String resource(String name) {
        try (InputStream in = GenesysStub.class.getResourceAsStream("/genesys/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource genesys/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
