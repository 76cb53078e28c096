package com.recguard.config.facts;

/**
 * A phone base setting (GET /api/v2/telephony/providers/edges/phonebasesettings?expand=properties,
 * SDK {@code PhoneBase.properties}), not deleted.
 *
 * @param stationSideRecording the value of the property recguard takes for station-side recording,
 *                             null when the phone base has no such property. The property name is
 *                             not established from the SDK, so every conclusion on it is unverified.
 * @param property             the property name that was looked for
 */
public record PhoneBase(String id, String name, Boolean stationSideRecording, String property) {}
