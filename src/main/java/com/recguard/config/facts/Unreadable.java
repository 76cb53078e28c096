package com.recguard.config.facts;

/** A part of the configuration the snapshot could not read (an API error), so no rule can check it. */
public record Unreadable(String source, int status, String message) {}
