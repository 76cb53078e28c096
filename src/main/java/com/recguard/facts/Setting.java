package com.recguard.facts;


/** A row of a settings table (recording/settings.csv, quality/sampling.csv). */
public record Setting(String table, String key, String value) {
    public long asLong() {
        return Long.parseLong(value.trim());
    }

    public double asDouble() {
        return Double.parseDouble(value.trim());
    }
}
