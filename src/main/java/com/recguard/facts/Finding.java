package com.recguard.facts;


/** Conclusion: a violation (code of POLICY.md) with a sentence for the compliance officer. */
public record Finding(String code, String detail) {}
