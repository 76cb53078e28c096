package com.recguard.facts;


/** A participant: role is EXTERNAL, STAFF or SYSTEM; number is E.164; numberCountry is ISO 3166 alpha-2 from the number; areaCode is the NANP area code of a +1 number; clientRegion/clientCountry are participant attributes. */
public record Party(String participantId, String purpose, String role, String userId, String number, String numberCountry, String areaCode, String clientRegion, String clientCountry) {}
