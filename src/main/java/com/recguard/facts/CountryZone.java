package com.recguard.facts;


/** A row of residency/country-zones.csv: ISO country to residency zone. */
public record CountryZone(String country, String zone) {}
