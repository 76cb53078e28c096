package com.recguard.facts;


/** Conclusion: the conversation's residency zone. */
public record ResidencyZone(String zone) {}
