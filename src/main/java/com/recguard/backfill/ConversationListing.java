package com.recguard.backfill;

import com.recguard.service.ActionException;
import java.time.Instant;
import java.util.List;

/**
 * Port: which conversations ended in an interval, through an asynchronous query job (Genesys'
 * {@code POST /api/v2/analytics/conversations/details/jobs}: no 100,000-result ceiling, unlike the
 * synchronous details query). A job is submitted, polled until its results are ready, then paged
 * with a cursor.
 */
public interface ConversationListing {

    /** A job's state as the source names it ({@code QUEUED}, {@code PENDING}, {@code FULFILLED}…). */
    record JobState(String state, String errorMessage, Instant expires) {

        public boolean fulfilled() {
            return "FULFILLED".equals(state);
        }

        /** Still being worked on: poll again. */
        public boolean waiting() {
            return "QUEUED".equals(state) || "PENDING".equals(state);
        }
    }

    /** One listed conversation and when it ended (null if the source gave no end). */
    record Listed(String conversationId, Instant ended) {}

    /** One page of results; {@code cursor} null on the last page. */
    record Page(List<Listed> conversations, String cursor) {}

    /**
     * The instant up to which the source's data is complete; a job over a later interval would miss
     * conversations.
     */
    Instant dataAvailableUntil() throws ActionException;

    /** Submits a job for the conversations that may have ended in [from, to); returns its id. */
    String submit(Instant from, Instant to) throws ActionException;

    JobState state(String jobId) throws ActionException;

    /** A page of a fulfilled job's results, from {@code cursor} (null for the first page). */
    Page page(String jobId, String cursor, int pageSize) throws ActionException;
}
