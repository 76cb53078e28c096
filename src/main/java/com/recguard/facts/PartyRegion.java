package com.recguard.facts;


/** Conclusion: the region (e.g. US-CA) that decides a party's consent law. */
public record PartyRegion(String participantId, String region) {}
