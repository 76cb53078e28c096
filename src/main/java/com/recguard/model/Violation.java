package com.recguard.model;

/** A finding in the decision: the code of POLICY.md, the id of the rule that found it, and why. */
public record Violation(String code, String rule, String detail) {}
