package com.recguard.config.facts;

/**
 * The evaluator's calibration sessions (GET /api/v2/quality/calibrations?calibratorId=…).
 *
 * @param daysSinceLatest whole days from the latest session to the snapshot; -1 when there is none
 */
public record Calibrations(String calibratorId, int count, int daysSinceLatest) {}
