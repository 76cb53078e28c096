package com.recguard.facts;


/** A row of consent/jurisdictions.csv: a region (e.g. US-CA) that requires all-party consent. */
public record ConsentJurisdiction(String region, String name) {}
