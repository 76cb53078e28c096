package com.recguard.archive;

/** One entry of a version listing: a stored version, or a delete marker. */
public record ObjectVersion(String key, String versionId, boolean latest, boolean deleteMarker) {}
