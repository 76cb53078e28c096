package com.recguard.facts;


/** A row of residency/zone-archive-regions.csv: archive region per zone; the lowest rank wins when parties are in several zones. */
public record ZoneArchive(String zone, String archiveRegion, int rank) {}
