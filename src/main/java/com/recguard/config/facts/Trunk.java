package com.recguard.config.facts;

/**
 * A trunk base setting that is not deleted (GET /api/v2/telephony/providers/edges/trunkbasesettings?expand=properties,
 * SDK {@code TrunkBase}): {@code trunkType} and {@code properties.trunk_recording_enabled.value.instance}.
 */
public record Trunk(String id, String name, boolean external, boolean recordingEnabled) {}
