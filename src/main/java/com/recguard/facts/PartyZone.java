package com.recguard.facts;


/** Conclusion: a party's residency zone and the zone's rank. */
public record PartyZone(String participantId, String zone, int rank) {}
