package com.recguard.adapter.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.model.Annotation;
import com.mypurecloud.sdk.v2.model.RecordingMetadata;
import com.recguard.model.RecordingStop;
import com.recguard.model.Utterance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping rules that the WireMock scenario does not reach. */
class BundleMapperTest {

    private static final ApiClient SDK = ApiClient.Builder.standard().withAutoReloadConfig(false).build();
    private static final Instant START = Instant.parse("2026-03-10T15:00:00Z");

    private static <T> T read(String json, Class<T> type) throws Exception {
        return SDK.deserialize(json, type);
    }

    @Test
    void a_flow_suppression_is_a_stop_by_the_flow_justified_only_by_its_description() throws Exception {
        Annotation plain = read("{\"reason\":\"FlowOrQueue\",\"location\":0,\"durationMs\":30000}", Annotation.class);
        Annotation coded = read("{\"reason\":\"FlowOrQueue\",\"realtimeLocation\":1000,\"location\":0,\"durationMs\":500,"
                + "\"description\":\" INTERNAL_TEST_CALL \"}", Annotation.class);

        assertThat(BundleMapper.stop(plain, START)).isEqualTo(
                new RecordingStop(START, START.plusSeconds(30), "flow", null));
        assertThat(BundleMapper.stop(coded, START)).as("realtimeLocation, the wall-clock offset, wins").isEqualTo(
                new RecordingStop(START.plusSeconds(1), START.plusMillis(1500), "flow", "INTERNAL_TEST_CALL"));
    }

    @Test
    void a_secure_pause_by_the_api_keeps_a_written_justification_and_an_open_pause_runs_to_the_end() throws Exception {
        Annotation a = read("{\"reason\":\"SecurePause\",\"location\":60000,\"description\":\"card fee\"}", Annotation.class);

        assertThat(BundleMapper.stop(a, START)).isEqualTo(new RecordingStop(START.plusSeconds(60), null, "api", "card fee"));
    }

    @Test
    void holds_and_notes_are_not_stops() throws Exception {
        assertThat(BundleMapper.stop(read("{\"reason\":\"Hold\",\"location\":0,\"durationMs\":9000}", Annotation.class), START)).isNull();
        assertThat(BundleMapper.stop(read("{\"name\":\"note\",\"location\":0}", Annotation.class), START)).isNull();
    }

    @Test
    void recording_states_map_restored_to_archived_and_an_unknown_state_to_unknown() throws Exception {
        assertThat(BundleMapper.recording(read("{\"id\":\"r\",\"fileState\":\"RESTORING\"}", RecordingMetadata.class), null).fileState())
                .isEqualTo("ARCHIVED");
        assertThat(BundleMapper.recording(read("{\"id\":\"r\",\"fileState\":\"SHREDDED\"}", RecordingMetadata.class), null).fileState())
                .isEqualTo("UNKNOWN");
        assertThat(BundleMapper.recording(read("{\"id\":\"r\",\"fileState\":\"UPLOADING\",\"startTime\":\"2026-03-10T15:00:05.000Z\"}",
                RecordingMetadata.class), "eu-west-1")).satisfies(r -> {
                    assertThat(r.fileState()).isEqualTo("UPLOADING");
                    assertThat(r.fileExists()).isFalse();
                    assertThat(r.startTime()).isEqualTo(Instant.parse("2026-03-10T15:00:05Z"));
                    assertThat(r.region()).isEqualTo("eu-west-1");
                });
    }

    @Test
    void a_recording_keeps_its_session_id_and_lower_case_media_and_a_state_the_sdk_does_not_know_as_genesys_sent_it()
            throws Exception {
        RecordingMetadata m = read("{\"id\":\"r\",\"sessionId\":\"s-9\",\"media\":\"Screen\",\"fileState\":\"PENDING\"}",
                RecordingMetadata.class);

        assertThat(BundleMapper.recording(m, "PENDING", null)).satisfies(r -> {
            assertThat(r.sessionId()).isEqualTo("s-9");
            assertThat(r.media()).isEqualTo("screen");
            assertThat(r.fileState()).isEqualTo("PENDING");
            assertThat(r.pending()).isTrue();
        });
        assertThat(BundleMapper.recording(m, null, null).fileState()).as("the SDK alone lost the state").isEqualTo("UNKNOWN");
        assertThat(BundleMapper.recording(m, "restored", null).fileState()).isEqualTo("ARCHIVED");
    }

    @Test
    void a_secure_pause_without_description_is_the_pci_pause_by_the_agent_who_paused() throws Exception {
        Annotation a = read("{\"reason\":\"SecurePause\",\"location\":5000,\"durationMs\":400000,"
                + "\"user\":{\"id\":\"u-1\"}}", Annotation.class);

        assertThat(BundleMapper.stop(a, START)).as("its length is the rules' to cap (300 s in the exemption table)")
                .isEqualTo(new RecordingStop(START.plusSeconds(5), START.plusSeconds(405), "agent", "PCI_SECURE_PAUSE"));
    }

    @Test
    void an_audio_recording_without_times_places_its_pauses_from_its_sessions_first_segment_else_the_conversation_start()
            throws Exception {
        Instant sessionStart = START.plusSeconds(70);
        Map<String, Instant> sessionStarts = Map.of("s-agent", sessionStart);
        RecordingMetadata audio = read("{\"id\":\"r\",\"sessionId\":\"s-agent\",\"media\":\"audio\"}", RecordingMetadata.class);
        RecordingMetadata orphan = read("{\"id\":\"r2\",\"sessionId\":\"s-gone\",\"media\":\"audio\"}", RecordingMetadata.class);
        RecordingMetadata screen = read("{\"id\":\"r3\",\"sessionId\":\"s-agent\",\"media\":\"screen\","
                + "\"startTime\":\"2026-03-10T15:05:00.000Z\"}", RecordingMetadata.class);

        assertThat(BundleMapper.recordingStart(audio, sessionStarts, START)).isEqualTo(sessionStart);
        assertThat(BundleMapper.recordingStart(orphan, sessionStarts, START)).isEqualTo(START);
        assertThat(BundleMapper.recordingStart(screen, sessionStarts, START)).isEqualTo(Instant.parse("2026-03-10T15:05:00Z"));
    }

    @Test
    void a_transcript_phrase_takes_its_transcripts_purpose_and_relative_times_stay_offsets() {
        Map<String, Object> doc = Map.of("transcripts", List.of(
                Map.of("participantPurpose", "external", "phrases", List.of(
                        Map.of("text", "I want the private placement", "startTimeMs", 4200),
                        Map.of("text", "   "))),
                Map.of("phrases", List.of(Map.of("text", "Noted.", "participantPurpose", "internal",
                        "startTimeMs", START.toEpochMilli() + 6000)))));

        assertThat(TranscriptReader.utterances(doc, START)).containsExactly(
                new Utterance("customer", 4200, "I want the private placement"),
                new Utterance("agent", 6000, "Noted."));
    }
}
