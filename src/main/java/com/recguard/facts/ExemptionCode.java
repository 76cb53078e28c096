package com.recguard.facts;


/** A row of recording/exemption-codes.csv: allowedIn is ANY or INTERNAL; exempts says whether it makes the conversation EXEMPT. */
public record ExemptionCode(String code, String allowedIn, boolean exempts, String description) {
    public boolean allowsFor(boolean internal) {
        return "ANY".equals(allowedIn) || ("INTERNAL".equals(allowedIn) && internal);
    }
}
