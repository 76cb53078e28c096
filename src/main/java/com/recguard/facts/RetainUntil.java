package com.recguard.facts;


/** Conclusion: the date until which the records are locked. */
public record RetainUntil(java.time.LocalDate date) {}
