package com.recguard.archive;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which bucket archives a region: an explicit mapping when one is given, else the template
 * (default {@code recguard-archive-{region}}).
 */
public final class Buckets {

    public static final String DEFAULT_TEMPLATE = "recguard-archive-{region}";

    private final String template;
    private final Map<String, String> byRegion;

    public Buckets(String template, Map<String, String> byRegion) {
        this.template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        this.byRegion = new TreeMap<>(byRegion);
    }

    public static Buckets defaults() {
        return new Buckets(DEFAULT_TEMPLATE, Map.of());
    }

    public Location of(String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("no archive region");
        }
        String bucket = byRegion.get(region);
        return new Location(region, bucket != null ? bucket : template.replace("{region}", region));
    }
}
