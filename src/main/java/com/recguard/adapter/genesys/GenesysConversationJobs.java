package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.api.AnalyticsApi;
import com.mypurecloud.sdk.v2.model.AnalyticsConversation;
import com.mypurecloud.sdk.v2.model.AnalyticsConversationAsyncQueryResponse;
import com.mypurecloud.sdk.v2.model.AsyncConversationQuery;
import com.mypurecloud.sdk.v2.model.AsyncQueryResponse;
import com.mypurecloud.sdk.v2.model.AsyncQueryStatus;
import com.mypurecloud.sdk.v2.model.ConversationDetailQueryFilter;
import com.mypurecloud.sdk.v2.model.DataAvailabilityResponse;
import com.recguard.backfill.ConversationListing;
import com.recguard.service.ActionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The back-fill's listing through Genesys' asynchronous conversation detail jobs
 * (docs/genesys.md, "Async analytics jobs"): one job per interval instead of the synchronous
 * query's pages, which stop at 100,000 conversations and spend the rate limit 100 at a time.
 * Like the completeness sweep, the job's interval starts {@code sweepLookback} before the
 * back-fill's, so a call that started earlier and ended inside is listed; the caller keeps the
 * conversations by their end.
 */
public final class GenesysConversationJobs implements ConversationListing {

    static final Call AVAILABILITY = Call.of("GET /api/v2/analytics/conversations/details/jobs/availability",
            "analytics:conversationDetail:view");
    static final Call SUBMIT = Call.of("POST /api/v2/analytics/conversations/details/jobs", "analytics:conversationDetail:view");
    static final Call STATUS = Call.of("GET /api/v2/analytics/conversations/details/jobs/{jobId}", "analytics:conversationDetail:view");
    static final Call RESULTS = Call.of("GET /api/v2/analytics/conversations/details/jobs/{jobId}/results",
            "analytics:conversationDetail:view");

    private final GenesysClient client;
    private final AnalyticsApi analytics;

    public GenesysConversationJobs(GenesysClient client) {
        this.client = client;
        this.analytics = new AnalyticsApi(client.api());
    }

    @Override
    public Instant dataAvailableUntil() throws ActionException {
        DataAvailabilityResponse r = client.call(AVAILABILITY, analytics::getAnalyticsConversationsDetailsJobsAvailability);
        return r == null || r.getDataAvailabilityDate() == null ? null : r.getDataAvailabilityDate().toInstant();
    }

    @Override
    public String submit(Instant from, Instant to) throws ActionException {
        ConversationDetailQueryFilter filter = GenesysConversationSource.endedFilter();
        AsyncConversationQuery q = new AsyncConversationQuery();
        q.setInterval(from.minus(client.config().sweepLookback()) + "/" + to);
        q.setOrder(AsyncConversationQuery.OrderEnum.ASC);
        q.setOrderBy(AsyncConversationQuery.OrderByEnum.CONVERSATIONSTART);
        q.setConversationFilters(List.of(filter));
        AsyncQueryResponse r = client.call(SUBMIT, () -> analytics.postAnalyticsConversationsDetailsJobs(q));
        if (r == null || r.getJobId() == null || r.getJobId().isBlank()) {
            throw ActionException.permanent(SUBMIT.label() + ": the answer names no jobId", null);
        }
        return r.getJobId();
    }

    @Override
    public JobState state(String jobId) throws ActionException {
        AsyncQueryStatus s = client.call(STATUS, () -> analytics.getAnalyticsConversationsDetailsJob(jobId));
        if (s == null || s.getState() == null) {
            throw ActionException.permanent(STATUS.label() + " for " + jobId + ": the answer has no state", null);
        }
        return new JobState(s.getState().toString(), s.getErrorMessage(),
                s.getExpirationDate() == null ? null : s.getExpirationDate().toInstant());
    }

    @Override
    public Page page(String jobId, String cursor, int pageSize) throws ActionException {
        AnalyticsConversationAsyncQueryResponse r = client.call(RESULTS,
                () -> analytics.getAnalyticsConversationsDetailsJobResults(jobId, cursor, pageSize));
        List<Listed> out = new ArrayList<>();
        if (r != null && r.getConversations() != null) {
            for (AnalyticsConversation c : r.getConversations()) {
                out.add(new Listed(c.getConversationId(), BundleMapper.instant(c.getConversationEnd())));
            }
        }
        return new Page(out, r == null ? null : r.getCursor());
    }
}
