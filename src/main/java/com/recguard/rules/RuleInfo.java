package com.recguard.rules;

/** A rule of the pack: its {@code @id}, its name (a sentence), its area folder and its file. */
public record RuleInfo(String id, String name, String area, String file) {}
