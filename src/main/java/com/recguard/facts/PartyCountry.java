package com.recguard.facts;


/** Conclusion: the country that decides a party's residency zone. */
public record PartyCountry(String participantId, String country) {}
