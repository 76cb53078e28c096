package com.recguard.facts;


/** Conclusion: NOT_REQUIRED, GIVEN, REFUSED or NOT_CAPTURED. */
public record ConsentStatus(String value) {}
