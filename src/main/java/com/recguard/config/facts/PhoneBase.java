package com.recguard.config.facts;

/** A phone base setting (GET /api/v2/telephony/providers/edges/phonebasesettings): is station-side recording on. */
public record PhoneBase(String id, String name, boolean stationSideRecording) {}
