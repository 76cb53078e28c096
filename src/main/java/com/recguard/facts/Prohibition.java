package com.recguard.facts;


/** Conclusion: recording is prohibited (consent refused). */
public record Prohibition(String reason) {}
