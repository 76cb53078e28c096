/**
 * {@code recguard backfill}: the conversations of a past interval, listed through Genesys' async
 * analytics jobs, gathered in a bounded pool at the org's pace, decided by the service's own
 * decision path, checkpointed so a killed run resumes without gathering a finished conversation
 * again, and reported per day (docs/backfill.md).
 */
package com.recguard.backfill;
