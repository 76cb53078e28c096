package com.recguard.facts;

import com.recguard.model.Recording;

/** Conclusion: a recording that counts as the conversation's recording (POLICY.md 3, which recordings count). */
public record UsableRecording(Recording recording) {}
