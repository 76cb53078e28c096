package com.recguard.facts;


/** Conclusion: an approved stop exempts the conversation from recording. */
public record Exemption(String code) {}
