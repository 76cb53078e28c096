package com.recguard.config.facts;

/**
 * The evaluator's calibration sessions created in the read window (GET /api/v2/quality/calibrations
 * ?calibratorId=…&amp;startTime=…&amp;endTime=…, every page; SDK {@code Calibration.createdDate}).
 *
 * @param windowDays      how many days before the snapshot were read; 0 when the snapshot does not say
 * @param daysSinceLatest whole days from the latest session to the snapshot; -1 when there is none
 */
public record Calibrations(String calibratorId, int count, int windowDays, int daysSinceLatest) {}
