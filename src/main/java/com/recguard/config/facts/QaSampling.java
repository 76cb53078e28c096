package com.recguard.config.facts;

/** The share of each agent's calls recguard samples for QA review (quality/sampling.csv rate). */
public record QaSampling(double rate) {}
