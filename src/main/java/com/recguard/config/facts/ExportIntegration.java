package com.recguard.config.facts;

/**
 * A recording export integration (GET /api/v2/integrations and .../config/current).
 *
 * @param syncFrequency  HOURLY, DAILY, … as configured; null when the integration says nothing
 */
public record ExportIntegration(String id, String name, String type, boolean enabled, String bucket,
        boolean metadataExport, boolean verifyIntegrity, String syncFrequency) {

    public boolean hourly() {
        return "HOURLY".equalsIgnoreCase(syncFrequency);
    }
}
