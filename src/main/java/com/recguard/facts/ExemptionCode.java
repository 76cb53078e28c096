package com.recguard.facts;

/**
 * A row of recording/exemption-codes.csv: allowedIn is ANY or INTERNAL; exempts says whether it
 * makes the conversation EXEMPT; maxPauseSeconds caps the paused time one stop with this code
 * explains (null: no limit).
 */
public record ExemptionCode(String code, String allowedIn, boolean exempts, Long maxPauseSeconds, String description) {
    public boolean allowsFor(boolean internal) {
        return "ANY".equals(allowedIn) || ("INTERNAL".equals(allowedIn) && internal);
    }

    public Long maxPauseMs() {
        return maxPauseSeconds == null ? null : maxPauseSeconds * 1000;
    }
}
