package com.recguard.config.facts;

/** A row of config/approved-policies.csv: a retention policy allowed to delete recordings, and why. */
public record ApprovedPolicy(String name, String reason) {}
