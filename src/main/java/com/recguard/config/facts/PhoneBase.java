package com.recguard.config.facts;

/**
 * A phone base setting (GET /api/v2/telephony/providers/edges/phonebasesettings?expand=properties,
 * SDK {@code PhoneBase.properties}), not deleted.
 *
 * @param stationSideRecording the value of the property taken for station-side recording, null when
 *                             the phone base has no such property
 * @param property             the property name that was looked for
 * @param nameFromTemplate     the name is the one the phone base settings template of the phone's
 *                             metabase shows (GET …/phonebasesettings/template); false when the template
 *                             was not read or named none, and recguard's unverified default was used
 */
public record PhoneBase(String id, String name, Boolean stationSideRecording, String property, boolean nameFromTemplate) {}
