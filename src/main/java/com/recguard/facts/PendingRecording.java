package com.recguard.facts;

/** Conclusion: a recording still on its way from Genesys, described for the reader (POLICY.md 3, Settling). */
public record PendingRecording(String what) {}
