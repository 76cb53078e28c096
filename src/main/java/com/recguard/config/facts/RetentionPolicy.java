package com.recguard.config.facts;

/**
 * The call part of a Genesys media retention policy (GET /api/v2/recording/mediaretentionpolicies).
 *
 * @param unconditioned   the call policy has no conditions at all (no direction, queue, user, team,
 *                        wrap-up code, duration or date range): it applies to every call
 * @param retains         {@code actions.retainRecording} is true
 * @param deletes         {@code actions.deleteRecording} or {@code actions.alwaysDelete} is true
 * @param deleteAfterDays {@code actions.retentionDuration.deleteRetention.days}, -1 when absent
 * @param exportIntegrationId {@code actions.integrationExport.integration.id}, null when the policy exports nothing
 * @param assignsEvaluations {@code actions.assignEvaluations} or {@code assignMeteredEvaluations} is set
 */
public record RetentionPolicy(String id, String name, boolean enabled, boolean unconditioned, boolean retains,
        boolean deletes, int deleteAfterDays, String exportIntegrationId, boolean assignsEvaluations) {

    public boolean exports() {
        return exportIntegrationId != null;
    }
}
