package com.recguard.facts;


/** A row of consent/nanp-area-codes.csv: NANP area code to region (e.g. 415 to US-CA). */
public record AreaCode(String code, String region) {}
