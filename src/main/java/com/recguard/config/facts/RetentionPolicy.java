package com.recguard.config.facts;

/**
 * The call part of a Genesys media retention policy (GET /api/v2/recording/mediaretentionpolicies,
 * SDK {@code Policy}), read as Genesys applies it.
 *
 * @param unconditioned   neither {@code mediaPolicies.callPolicy.conditions} nor the top-level
 *                        {@code Policy.conditions} restricts the calls (no direction, queue, user,
 *                        team, wrap-up code, language, duration, date range or customer
 *                        participation); {@code timeAllowed} is not a condition
 * @param retains         the recording is kept: {@code actions.retainRecording} (true when absent)
 *                        and not {@code actions.alwaysDelete}
 * @param deletes         the recording is deleted: {@code actions.alwaysDelete}, or
 *                        {@code actions.deleteRecording} while {@code retainRecording} is false
 *                        (Genesys ignores {@code deleteRecording} while {@code retainRecording} is true)
 * @param deleteAfterDays {@code actions.retentionDuration.deleteRetention.days}, -1 when absent
 * @param exportIntegrationId {@code actions.integrationExport.integration.id}, null when the policy exports nothing
 * @param assignsEvaluations {@code actions.assignEvaluations} or {@code assignMeteredEvaluations} is set
 * @param errors          how many {@code policyErrors.policyErrorMessages} Genesys reports for the policy
 */
public record RetentionPolicy(String id, String name, boolean enabled, boolean unconditioned, boolean retains,
        boolean deletes, int deleteAfterDays, String exportIntegrationId, boolean assignsEvaluations, int errors) {
    public boolean exports() {
        return exportIntegrationId != null;
    }
}
