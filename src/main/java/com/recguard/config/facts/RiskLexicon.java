package com.recguard.config.facts;

/** How many phrases holds/risk-lexicon.csv has: what automates legal holds. */
public record RiskLexicon(int phrases) {}
