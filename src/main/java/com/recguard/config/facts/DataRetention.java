package com.recguard.config.facts;

/** The org-wide "maximum interaction data retention time" (GET /api/v2/analytics/dataretention/settings); 0 when unset. */
public record DataRetention(int retentionDays) {}
