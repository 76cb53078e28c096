/**
 * Realistic conversation bundles from a seed, each with the decision its scenario calls for
 * ({@code recguard generate}). The expectation is written from the scenario the generator chose
 * and POLICY.md's default tables, never by running the evaluator, so replaying generated fixtures
 * checks the rule pack independently; the same seed always gives the same bytes. JDK and the
 * model only: the JSON is written by {@code com.recguard.json.FixtureWriter}.
 */
package com.recguard.generate;
