package com.recguard.facts;


/** Conclusion: REQUIRED, EXEMPT or PROHIBITED. */
public record RecordingStatus(String value) {}
