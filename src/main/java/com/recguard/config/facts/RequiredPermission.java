package com.recguard.config.facts;

/** A row of config/required-permissions.csv: a permission recguard's client needs, for what, from which guide section. */
public record RequiredPermission(String permission, String purpose, String section) {}
