package com.recguard.facts;


/** A row of retention/retention-classes.csv: years to keep a record of this class. */
public record RetentionClass(String name, int years) {}
