package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.ApiResponse;
import com.mypurecloud.sdk.v2.api.AnalyticsApi;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.api.RecordingApi;
import com.mypurecloud.sdk.v2.api.SpeechTextAnalyticsApi;
import com.mypurecloud.sdk.v2.api.TelephonyApi;
import com.mypurecloud.sdk.v2.model.AnalyticsConversationQueryResponse;
import com.mypurecloud.sdk.v2.model.AnalyticsConversationWithoutAttributes;
import com.mypurecloud.sdk.v2.model.ConversationDetailQueryFilter;
import com.mypurecloud.sdk.v2.model.ConversationDetailQueryPredicate;
import com.mypurecloud.sdk.v2.model.ConversationQuery;
import com.mypurecloud.sdk.v2.model.MediaRegions;
import com.mypurecloud.sdk.v2.model.PagingSpec;
import com.mypurecloud.sdk.v2.model.RecordingMetadata;
import com.mypurecloud.sdk.v2.model.RecordingSettings;
import com.mypurecloud.sdk.v2.model.SegmentUrl;
import com.mypurecloud.sdk.v2.model.TranscriptUrls;
import com.recguard.model.Bundle;
import com.recguard.model.LegalHold;
import com.recguard.model.Utterance;
import com.recguard.service.ActionException;
import com.recguard.service.ConversationSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a conversation's bundle from Genesys Cloud: the analytics detail, the participant data,
 * the recording metadata (with its pause annotations), the transcript where Speech and Text
 * Analytics made one, and the region recordings are stored in. docs/genesys.md says what comes
 * from where and which permission each call needs.
 */
public final class GenesysConversationSource implements ConversationSource {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysConversationSource.class);

    static final Call DETAILS = Call.of("GET /api/v2/analytics/conversations/{id}/details", "analytics:conversationDetail:view");
    static final Call CONVERSATION = Call.of("GET /api/v2/conversations/{id}", "conversation:communication:view (unverified)");
    static final Call METADATA = Call.of("GET /api/v2/conversations/{id}/recordingmetadata",
            "recording:recording:view or recording:recordingSegment:view");
    /**
     * The plural call: one pre-signed URL per recording of the communication ({@code urls[]},
     * SegmentUrl{recording, url}); the singular {@code …/transcripturl} returns one URL only, so a
     * communication recorded in several pieces would lose all but one of them (docs/genesys.md).
     */
    static final Call TRANSCRIPT_URLS = Call.of(
            "GET /api/v2/speechandtextanalytics/conversations/{id}/communications/{communicationId}/transcripturls",
            "recording:recording:view or recording:recordingSegment:view");
    static final Call TRANSCRIPT = Call.of("GET (pre-signed transcript URL)", null);
    static final Call SETTINGS = Call.of("GET /api/v2/recording/settings", "recording:settings:view (unverified)");
    static final Call MEDIA_REGIONS = Call.of("GET /api/v2/telephony/mediaregions", "none documented (unverified)");
    static final Call QUERY = Call.of("POST /api/v2/analytics/conversations/details/query", "analytics:conversationDetail:view");

    /** The synchronous details query pages at most 100 conversations, and no further than 100,000. */
    static final int PAGE_SIZE = 100;
    static final int MAX_RESULTS = 100_000;

    private final GenesysClient client;
    private final AnalyticsApi analytics;
    private final ConversationsApi conversations;
    private final RecordingApi recording;
    private final SpeechTextAnalyticsApi speech;
    private final TelephonyApi telephony;
    private final int pageSize;
    private volatile Region region;

    /** What is known about where recordings are stored; {@code name} null when unknown. */
    private record Region(String name) {}

    public GenesysConversationSource(GenesysClient client) {
        this(client, PAGE_SIZE);
    }

    GenesysConversationSource(GenesysClient client, int pageSize) {
        this.client = client;
        this.analytics = new AnalyticsApi(client.api());
        this.conversations = new ConversationsApi(client.api());
        this.recording = new RecordingApi(client.api());
        this.speech = new SpeechTextAnalyticsApi(client.api());
        this.telephony = new TelephonyApi(client.api());
        this.pageSize = pageSize;
        String configured = client.config().recordingRegion();
        this.region = configured == null ? null : new Region(configured);
    }

    /**
     * A gather that is not settled ({@code "settled": false}): recordings may still be uploading,
     * so the rules make a provisional decision while any is pending (POLICY.md 3, Settling).
     */
    @Override
    public Bundle gather(String conversationId, Instant evaluatedAt, List<LegalHold> holdsInForce) throws ActionException {
        return gather(conversationId, evaluatedAt, holdsInForce, false);
    }

    /**
     * @param settled true once the caller has stopped waiting for Genesys (after the settle
     *                deadline): pending recordings then simply do not count
     */
    @Override
    public Bundle gather(String conversationId, Instant evaluatedAt, List<LegalHold> holdsInForce, boolean settled)
            throws ActionException {
        AnalyticsConversationWithoutAttributes detail;
        try {
            detail = client.call(DETAILS, () -> analytics.getAnalyticsConversationDetails(conversationId));
        } catch (ActionException e) {
            if (status(e) == 404) {
                // Analytics trails the conversation by seconds to minutes: ask again later.
                throw ActionException.retryable("conversation " + conversationId
                        + " is not in Genesys analytics yet (" + e.getMessage() + ")", Duration.ofSeconds(60), e.getCause());
            }
            throw e;
        }
        Map<String, Map<String, String>> attributes = attributes(conversationId);
        Metadata found = metadata(conversationId);
        List<Utterance> transcript = client.config().transcripts()
                ? transcript(conversationId, found.recordings(), BundleMapper.instant(detail.getConversationStart()))
                : List.of();
        return BundleMapper.bundle(detail, attributes, found.recordings(), found.fileStates(), region(), transcript,
                holdsInForce == null ? List.of() : holdsInForce, evaluatedAt, settled);
    }

    /** The recording metadata, and each recording's {@code fileState} exactly as Genesys wrote it. */
    private record Metadata(List<RecordingMetadata> recordings, Map<String, String> fileStates) {}

    /**
     * GET …/recordingmetadata. The 198.1.0 SDK's FileStateEnum has no PENDING (nor any state added
     * since), and turns what it does not know into OUTDATEDSDKVERSION; the raw body keeps the
     * state Genesys sent, so a PENDING recording stays pending rather than unusable.
     */
    private Metadata metadata(String conversationId) throws ActionException {
        return client.call(METADATA, () -> {
            ApiResponse<List<RecordingMetadata>> response = recording.getConversationRecordingmetadataWithHttpInfo(conversationId);
            if (response.getException() instanceof ApiException api) {
                throw api;
            }
            if (response.getException() instanceof IOException io) {
                throw io;
            }
            if (response.getException() != null) {
                throw new IOException(response.getException());
            }
            List<RecordingMetadata> list = response.getBody() == null ? List.of() : response.getBody();
            Map<String, String> states = new HashMap<>();
            if (response.hasRawBody() && response.getRawBody() != null && !response.getRawBody().isBlank()) {
                for (Object o : client.read(response.getRawBody(), List.class)) {
                    if (o instanceof Map<?, ?> m && m.get("id") != null && m.get("fileState") != null) {
                        states.put(m.get("id").toString(), m.get("fileState").toString());
                    }
                }
            }
            return new Metadata(list, states);
        });
    }

    /**
     * Pages through the details query. The query's interval starts {@code sweepLookback} before
     * {@code from}, so that a call which started before the window and ended in it is found,
     * whichever way Genesys matches conversations to the interval; the end time is then checked here.
     */
    @Override
    public List<String> conversationsEndedBetween(Instant from, Instant to) throws ActionException {
        if (!from.isBefore(to)) {
            return List.of();
        }
        Instant queryFrom = from.minus(client.config().sweepLookback());
        Set<String> ids = new TreeSet<>();
        int fetched = 0;
        for (int page = 1; ; page++) {
            ConversationQuery query = query(queryFrom, to, page);
            AnalyticsConversationQueryResponse response = client.call(QUERY, () -> analytics.postAnalyticsConversationsDetailsQuery(query));
            List<AnalyticsConversationWithoutAttributes> found = response == null || response.getConversations() == null
                    ? List.of() : response.getConversations();
            Integer total = response == null ? null : response.getTotalHits();
            if (page == 1 && total != null && total > MAX_RESULTS) {
                throw ActionException.permanent(QUERY.label() + ": " + total + " conversations between " + queryFrom
                        + " and " + to + ", more than the " + MAX_RESULTS + " Genesys pages through; sweep shorter"
                        + " windows or lower " + GenesysConfig.SWEEP_LOOKBACK_HOURS, null);
            }
            for (AnalyticsConversationWithoutAttributes c : found) {
                Instant end = BundleMapper.instant(c.getConversationEnd());
                if (c.getConversationId() != null && end != null && !end.isBefore(from) && end.isBefore(to)) {
                    ids.add(c.getConversationId());
                }
            }
            fetched += found.size();
            if (found.size() < pageSize || (total != null && fetched >= total)) {
                break;
            }
        }
        return List.copyOf(ids);
    }

    /** The filter of the sweep's query and of the back-fill's async job: conversations that have ended. */
    static ConversationDetailQueryFilter endedFilter() {
        ConversationDetailQueryPredicate ended = new ConversationDetailQueryPredicate();
        ended.setType(ConversationDetailQueryPredicate.TypeEnum.DIMENSION);
        ended.setDimension(ConversationDetailQueryPredicate.DimensionEnum.CONVERSATIONEND);
        ended.setOperator(ConversationDetailQueryPredicate.OperatorEnum.EXISTS);
        ConversationDetailQueryFilter filter = new ConversationDetailQueryFilter();
        filter.setType(ConversationDetailQueryFilter.TypeEnum.AND);
        filter.setPredicates(List.of(ended));
        return filter;
    }

    private ConversationQuery query(Instant from, Instant to, int page) {
        ConversationDetailQueryFilter filter = endedFilter();
        PagingSpec paging = new PagingSpec();
        paging.setPageSize(pageSize);
        paging.setPageNumber(page);
        ConversationQuery q = new ConversationQuery();
        q.setInterval(from + "/" + to);
        q.setOrder(ConversationQuery.OrderEnum.ASC);
        q.setOrderBy(ConversationQuery.OrderByEnum.CONVERSATIONSTART);
        q.setConversationFilters(List.of(filter));
        q.setPaging(paging);
        return q;
    }

    /** Participant data by participant id. The analytics detail does not carry it; the conversation does. */
    private Map<String, Map<String, String>> attributes(String conversationId) throws ActionException {
        com.mypurecloud.sdk.v2.model.Conversation c = client.call(CONVERSATION, () -> conversations.getConversation(conversationId));
        Map<String, Map<String, String>> byParticipant = new HashMap<>();
        if (c != null && c.getParticipants() != null) {
            for (com.mypurecloud.sdk.v2.model.Participant p : c.getParticipants()) {
                if (p.getId() != null && p.getAttributes() != null) {
                    byParticipant.put(p.getId(), p.getAttributes());
                }
            }
        }
        return byParticipant;
    }

    /**
     * The transcripts of each recorded audio communication (the recording's session id): every URL
     * the plural {@code …/transcripturls} lists (one per recording of the communication) is fetched
     * and their utterances merged; the mapper puts them in offset order and identical utterances
     * (the same phrase in two overlapping pieces) are kept once. No transcript is normal: Speech
     * and Text Analytics is licensed per org and transcribes only some queues.
     */
    private List<Utterance> transcript(String conversationId, List<RecordingMetadata> metadata, Instant conversationStart)
            throws ActionException {
        Set<String> communications = new LinkedHashSet<>();
        for (RecordingMetadata m : metadata) {
            if (m.getSessionId() != null && (m.getMedia() == null || "audio".equalsIgnoreCase(m.getMedia()))) {
                communications.add(m.getSessionId());
            }
        }
        Set<Utterance> out = new LinkedHashSet<>();
        for (String communication : communications) {
            TranscriptUrls urls;
            try {
                urls = client.call(TRANSCRIPT_URLS,
                        () -> speech.getSpeechandtextanalyticsConversationCommunicationTranscripturls(conversationId, communication));
            } catch (ActionException e) {
                if (status(e) == 404) {
                    continue;
                }
                throw e;
            }
            if (urls == null || urls.getUrls() == null) {
                continue;
            }
            for (SegmentUrl segment : urls.getUrls()) {
                if (segment == null || segment.getUrl() == null || segment.getUrl().isBlank()) {
                    continue;
                }
                String json = client.getPresigned(TRANSCRIPT, URI.create(segment.getUrl()));
                if (json == null || json.isBlank()) {
                    continue;
                }
                Map<?, ?> document;
                try {
                    document = client.read(json, Map.class);
                } catch (IOException e) {
                    throw ActionException.permanent(TRANSCRIPT.label() + " for communication " + communication
                            + " of " + conversationId + " is not JSON: " + e.getMessage(), e);
                }
                if (document != null) {
                    out.addAll(TranscriptReader.utterances(document, conversationStart));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The AWS region recordings are stored in: GENESYS_RECORDING_REGION when set, else the org's
     * home region when regional recording storage is off (recordings then all live there), else
     * unknown (each recording stays where it was recorded, which Genesys does not expose). Looked
     * up once; a refusal (403) leaves the region unknown with a warning rather than failing every
     * gather.
     */
    private String region() throws ActionException {
        Region known = region;
        if (known != null) {
            return known.name();
        }
        String name;
        try {
            RecordingSettings settings = client.call(SETTINGS, () -> recording.getRecordingSettings(false));
            if (settings != null && Boolean.TRUE.equals(settings.getRegionalRecordingStorageEnabled())) {
                LOG.info("Genesys regional recording storage is on: recording regions are unknown; set {} if"
                        + " they are all in one region", GenesysConfig.RECORDING_REGION);
                name = null;
            } else {
                MediaRegions regions = client.call(MEDIA_REGIONS, () -> telephony.getTelephonyMediaregions());
                name = regions == null ? null : regions.getAwsHomeRegion();
            }
        } catch (ActionException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.warn("Cannot tell where Genesys stores recordings ({}); residency checks will not see a region."
                    + " Set {} to state it.", e.getMessage(), GenesysConfig.RECORDING_REGION);
            name = null;
        }
        region = new Region(name);
        return name;
    }

    /** The HTTP status behind a translated failure, or -1. */
    static int status(ActionException e) {
        return e.getCause() instanceof com.mypurecloud.sdk.v2.ApiException api ? api.getStatusCode() : -1;
    }
}
