package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.model.AnalyticsConversationSegment;
import com.mypurecloud.sdk.v2.model.AnalyticsConversationWithoutAttributes;
import com.mypurecloud.sdk.v2.model.AnalyticsFlow;
import com.mypurecloud.sdk.v2.model.AnalyticsParticipantWithoutAttributes;
import com.mypurecloud.sdk.v2.model.AnalyticsSession;
import com.mypurecloud.sdk.v2.model.Annotation;
import com.mypurecloud.sdk.v2.model.RecordingMetadata;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Dtmf;
import com.recguard.model.Ivr;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Segment;
import com.recguard.model.Session;
import com.recguard.model.Utterance;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Genesys SDK objects to the bundle of POLICY.md section 1. Pure: the same Genesys answers give an
 * equal bundle. What is read from where is listed in docs/genesys.md.
 */
final class BundleMapper {

    /** Participant data the Architect flow writes: the menus the caller went through, "main>trading". */
    static final String MENU_PATH_ATTRIBUTE = "ivr.menuPath";
    /** Participant data the Architect flow writes per prompt: "ivr.dtmf.recording-consent" = "1". */
    static final String DTMF_ATTRIBUTE_PREFIX = "ivr.dtmf.";
    static final String MENU_SEPARATOR = ">";
    /** The exemption code of POLICY.md section 3 that a Genesys secure pause is (card details, PCI DSS). */
    static final String SECURE_PAUSE_CODE = "PCI_SECURE_PAUSE";

    private BundleMapper() {}

    /**
     * @param detail      GET /api/v2/analytics/conversations/{id}/details
     * @param attributes  participant id to its attributes (GET /api/v2/conversations/{id})
     * @param metadata    GET /api/v2/conversations/{id}/recordingmetadata
     * @param fileStates  recording id to its {@code fileState} as Genesys sent it (the SDK enum loses
     *                    states it does not know, PENDING among them); may be empty
     * @param region      where the org stores recordings, or null when unknown
     * @param transcript  utterances from Speech and Text Analytics, in any order
     * @param settled     the gatherer has stopped waiting for Genesys (POLICY.md 1)
     */
    static Bundle bundle(AnalyticsConversationWithoutAttributes detail, Map<String, Map<String, String>> attributes,
            List<RecordingMetadata> metadata, Map<String, String> fileStates, String region, List<Utterance> transcript,
            List<LegalHold> holds, Instant evaluatedAt, boolean settled) {
        Conversation conversation = conversation(detail, attributes);
        Map<String, Instant> sessionStarts = sessionStarts(detail);
        List<Recording> recordings = new ArrayList<>();
        List<RecordingStop> stops = new ArrayList<>();
        for (RecordingMetadata m : metadata) {
            recordings.add(recording(m, m.getId() == null ? null : fileStates.get(m.getId()), region));
            Instant recordingStart = recordingStart(m, sessionStarts, conversation.conversationStart());
            for (Annotation a : m.getAnnotations() == null ? List.<Annotation>of() : m.getAnnotations()) {
                RecordingStop stop = stop(a, recordingStart);
                if (stop != null) {
                    stops.add(stop);
                }
            }
        }
        recordings.sort(Comparator.comparing(Recording::id, Comparator.nullsLast(Comparator.naturalOrder())));
        stops.sort(Comparator.comparing(RecordingStop::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> String.valueOf(s.justification())));
        List<Utterance> ordered = new ArrayList<>(transcript);
        ordered.sort(Comparator.comparingLong(Utterance::offsetMs)
                .thenComparing(u -> String.valueOf(u.purpose())).thenComparing(u -> String.valueOf(u.text())));
        return new Bundle(conversation, recordings, stops, ivr(detail, conversation), ordered, holds, evaluatedAt, settled);
    }

    /**
     * Where a recording starts, for placing its annotations (whose {@code location} is milliseconds
     * from the recording's start): its own {@code startTime} when Genesys gives one (screen
     * recordings); else the first segment start of the analytics session it names by
     * {@code sessionId} (an audio recording starts with its communication: an approximation, the
     * Edge may begin recording a moment after the session's first segment, e.g. while alerting);
     * else the conversation's start.
     */
    static Instant recordingStart(RecordingMetadata m, Map<String, Instant> sessionStarts, Instant conversationStart) {
        return firstNonNull(time(m.getStartTime()), m.getSessionId() == null ? null : sessionStarts.get(m.getSessionId()),
                conversationStart);
    }

    static Conversation conversation(AnalyticsConversationWithoutAttributes d, Map<String, Map<String, String>> attributes) {
        List<Participant> participants = new ArrayList<>();
        for (AnalyticsParticipantWithoutAttributes p : list(d.getParticipants())) {
            List<Session> sessions = new ArrayList<>();
            for (AnalyticsSession s : list(p.getSessions())) {
                List<Segment> segments = new ArrayList<>();
                for (AnalyticsConversationSegment seg : list(s.getSegments())) {
                    segments.add(new Segment(enumValue(seg.getSegmentType()), instant(seg.getSegmentStart()),
                            instant(seg.getSegmentEnd())));
                }
                sessions.add(new Session(s.getSessionId(), enumValue(s.getMediaType()), enumValue(s.getDirection()), s.getAni(),
                        s.getDnis(), s.getRecording(), segments));
            }
            Map<String, String> attrs = new TreeMap<>();
            Map<String, String> given = attributes.get(p.getParticipantId());
            if (given != null) {
                given.forEach((k, v) -> {
                    if (k != null && v != null) {
                        attrs.put(k, v);
                    }
                });
            }
            participants.add(new Participant(p.getParticipantId(), enumValue(p.getPurpose()), p.getUserId(), attrs, sessions));
        }
        return new Conversation(d.getConversationId(), instant(d.getConversationStart()), instant(d.getConversationEnd()),
                enumValue(d.getOriginatingDirection()), participants);
    }

    static Recording recording(RecordingMetadata m, String region) {
        return recording(m, null, region);
    }

    /**
     * A recording, with its {@code sessionId} and {@code media} (lower case: audio, screen, chat…)
     * as Genesys gives them. The state is the one Genesys sent ({@code rawState}) when known, else
     * the SDK's: UPLOADING and PENDING stay as they are (pending: the rules wait for them while the
     * bundle is not settled). RESTORED and RESTORING are archived audio brought back for playback,
     * so they count as ARCHIVED; a state neither we nor the SDK can read is UNKNOWN (not usable).
     */
    static Recording recording(RecordingMetadata m, String rawState, String region) {
        String state = rawState != null && !rawState.isBlank() ? rawState
                : m.getFileState() == null ? null : m.getFileState().toString();
        if (state != null) {
            state = state.trim().toUpperCase(java.util.Locale.ROOT);
            state = switch (state) {
                case "RESTORED", "RESTORING" -> "ARCHIVED";
                case "OUTDATEDSDKVERSION" -> "UNKNOWN";
                default -> state;
            };
        }
        String media = m.getMedia() == null ? null : m.getMedia().trim().toLowerCase(java.util.Locale.ROOT);
        return new Recording(m.getId(), m.getSessionId(), media, state, time(m.getStartTime()), time(m.getEndTime()), region);
    }

    /**
     * A pause annotation as a recording stop. Hold annotations are not stops (nobody is speaking
     * with the client); SecurePause is the PCI pause, FlowOrQueue the suppression an Architect flow
     * or queue setting asks for. The annotation's description, when there is one, is the
     * justification as written (a code from the exemption table, if whoever paused followed the
     * procedure); a SecurePause without one is {@value #SECURE_PAUSE_CODE}.
     */
    static RecordingStop stop(Annotation a, Instant recordingStart) {
        if (a.getReason() == null) {
            return null; // a note, a bookmark: not a pause
        }
        String reason = a.getReason().toString();
        if ("Hold".equals(reason)) {
            return null;
        }
        Long offset = a.getRealtimeLocation() != null ? a.getRealtimeLocation() : a.getLocation();
        Instant at = recordingStart == null || offset == null ? recordingStart : recordingStart.plusMillis(offset);
        Instant resumedAt = at == null || a.getDurationMs() == null ? null : at.plusMillis(a.getDurationMs());
        String by = switch (reason) {
            case "FlowOrQueue" -> "flow";
            default -> a.getUser() != null ? "agent" : "api";
        };
        String justification = a.getDescription() == null || a.getDescription().isBlank() ? null : a.getDescription().trim();
        if (justification == null && "SecurePause".equals(reason)) {
            justification = SECURE_PAUSE_CODE;
        }
        return new RecordingStop(at, resumedAt, by, justification);
    }

    /**
     * The IVR capture: the flow name from the first IVR participant's flow in the analytics detail;
     * the menu path and the DTMF answers from the participant data the flow wrote (the analytics
     * detail keeps neither). External parties' data is read first, then the others'.
     */
    static Ivr ivr(AnalyticsConversationWithoutAttributes d, Conversation c) {
        String flowName = null;
        outer:
        for (AnalyticsParticipantWithoutAttributes p : list(d.getParticipants())) {
            for (AnalyticsSession s : list(p.getSessions())) {
                AnalyticsFlow f = s.getFlow();
                if (f != null && f.getFlowName() != null && "ivr".equals(enumValue(p.getPurpose()))) {
                    flowName = f.getFlowName();
                    break outer;
                }
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        c.participants().stream().filter(p -> p.role() == Participant.Role.EXTERNAL)
                .forEach(p -> new TreeMap<>(p.attributes()).forEach(data::putIfAbsent));
        c.participants().stream().filter(p -> p.role() != Participant.Role.EXTERNAL)
                .forEach(p -> new TreeMap<>(p.attributes()).forEach(data::putIfAbsent));
        List<String> menuPath = new ArrayList<>();
        String path = data.get(MENU_PATH_ATTRIBUTE);
        if (path != null) {
            Arrays.stream(path.split(MENU_SEPARATOR)).map(String::trim).filter(s -> !s.isEmpty()).forEach(menuPath::add);
        }
        List<Dtmf> dtmf = new ArrayList<>();
        new TreeMap<>(data).forEach((k, v) -> {
            if (k.startsWith(DTMF_ATTRIBUTE_PREFIX) && k.length() > DTMF_ATTRIBUTE_PREFIX.length() && !v.isBlank()) {
                dtmf.add(new Dtmf(v.trim(), k.substring(DTMF_ATTRIBUTE_PREFIX.length()), null));
            }
        });
        return new Ivr(flowName, menuPath, dtmf);
    }

    /** Where each analytics session started (its first segment), for placing annotations in time. */
    static Map<String, Instant> sessionStarts(AnalyticsConversationWithoutAttributes d) {
        Map<String, Instant> starts = new TreeMap<>();
        for (AnalyticsParticipantWithoutAttributes p : list(d.getParticipants())) {
            for (AnalyticsSession s : list(p.getSessions())) {
                list(s.getSegments()).stream().map(seg -> instant(seg.getSegmentStart())).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .ifPresent(t -> {
                            if (s.getSessionId() != null) {
                                starts.put(s.getSessionId(), t);
                            }
                        });
            }
        }
        return starts;
    }

    /** An SDK enum's wire value; null for a value this SDK version does not know. */
    static String enumValue(Object e) {
        if (e == null) {
            return null;
        }
        String v = e.toString();
        return "OutdatedSdkVersion".equals(v) ? null : v;
    }

    static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** Recording metadata carries its times as ISO-8601 strings. */
    static Instant time(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso.trim());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
