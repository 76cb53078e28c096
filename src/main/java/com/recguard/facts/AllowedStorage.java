package com.recguard.facts;


/** A row of residency/allowed-storage-regions.csv: a region pattern (* is a wildcard) where recordings of a zone may be stored. */
public record AllowedStorage(String zone, String pattern) {
    public boolean allows(String region) {
        if (region == null) {
            return false;
        }
        // Glob with * only: split on the stars and find the pieces in order.
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return region.equals(pattern);
        }
        if (!region.startsWith(parts[0]) || !region.endsWith(parts[parts.length - 1])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            at = region.indexOf(parts[i], at);
            if (at < 0) {
                return false;
            }
            at += parts[i].length();
        }
        return at <= region.length() - parts[parts.length - 1].length();
    }
}
