package com.recguard.facts;


/** A row of residency/allowed-storage-regions.csv: a region pattern (* is a wildcard) where recordings of a zone may be stored. */
public record AllowedStorage(String zone, String pattern) {
    public boolean allows(String region) {
        return region != null && region.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }
}
