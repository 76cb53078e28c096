package com.recguard.facts;


/** Conclusion: this party is in an all-party-consent jurisdiction. */
public record ConsentRequired(String participantId, String region) {}
