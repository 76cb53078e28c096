package com.recguard.facts;

/**
 * Conclusion: a stop whose justification the exemption table allows here. {@code maxPauseMs} is
 * how much paused time the code explains (null: no limit).
 */
public record ApprovedStop(Stop stop, String code, boolean exempts, Long maxPauseMs) {}
