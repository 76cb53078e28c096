package com.recguard.config.facts;

/** A trunk base setting (GET /api/v2/telephony/providers/edges/trunkbasesettings): {@code trunk_recording_enabled}. */
public record Trunk(String id, String name, boolean external, boolean recordingEnabled) {}
