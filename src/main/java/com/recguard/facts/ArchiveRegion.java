package com.recguard.facts;


/** Conclusion: where the conversation is archived. */
public record ArchiveRegion(String region) {}
