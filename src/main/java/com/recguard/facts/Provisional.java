package com.recguard.facts;

/**
 * Conclusion: the bundle is not settled and a recording is pending, so the decision is
 * provisional ({@code "final": false}) and the rules hold back what only a final decision may say.
 */
public record Provisional(String reason) {}
