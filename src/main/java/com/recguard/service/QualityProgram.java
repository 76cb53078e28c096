package com.recguard.service;

import java.util.List;

/** The quality program's calibration sessions (Genesys Cloud quality calibrations in production). */
public interface QualityProgram {

    /** The spread of one calibration's scores; null scores until the evaluators have scored. */
    record Scores(Integer average, Integer high, Integer low) {
        public Integer spread() {
            return high == null || low == null ? null : high - low;
        }
    }

    /** Creates a calibration of one conversation that every evaluator scores; returns its id. */
    String createCalibration(String conversationId, String agentUserId, List<String> evaluatorIds) throws ActionException;

    Scores scores(String calibrationId) throws ActionException;
}
