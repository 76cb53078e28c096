package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.ApiResponse;
import com.mypurecloud.sdk.v2.api.AnalyticsApi;
import com.mypurecloud.sdk.v2.api.AuthorizationApi;
import com.mypurecloud.sdk.v2.api.IntegrationsApi;
import com.mypurecloud.sdk.v2.api.OAuthApi;
import com.mypurecloud.sdk.v2.api.QualityApi;
import com.mypurecloud.sdk.v2.api.RecordingApi;
import com.mypurecloud.sdk.v2.api.TelephonyProvidersEdgeApi;
import com.mypurecloud.sdk.v2.api.request.GetAnalyticsDataretentionSettingsRequest;
import com.mypurecloud.sdk.v2.api.request.GetAuthorizationRoleRequest;
import com.mypurecloud.sdk.v2.api.request.GetIntegrationConfigCurrentRequest;
import com.mypurecloud.sdk.v2.api.request.GetIntegrationsRequest;
import com.mypurecloud.sdk.v2.api.request.GetIntegrationsTypeConfigschemaRequest;
import com.mypurecloud.sdk.v2.api.request.GetOauthClientRequest;
import com.mypurecloud.sdk.v2.api.request.GetQualityCalibrationsRequest;
import com.mypurecloud.sdk.v2.api.request.GetQualityPublishedformsEvaluationsRequest;
import com.mypurecloud.sdk.v2.api.request.GetRecordingMediaretentionpoliciesRequest;
import com.mypurecloud.sdk.v2.api.request.GetTelephonyProvidersEdgesPhonebasesettingsRequest;
import com.mypurecloud.sdk.v2.api.request.GetTelephonyProvidersEdgesPhonebasesettingsTemplateRequest;
import com.mypurecloud.sdk.v2.api.request.GetTelephonyProvidersEdgesTrunkbasesettingsRequest;
import com.mypurecloud.sdk.v2.model.Integration;
import com.mypurecloud.sdk.v2.model.IntegrationEntityListing;
import com.mypurecloud.sdk.v2.model.CalibrationEntityListing;
import com.mypurecloud.sdk.v2.model.OAuthClient;
import com.mypurecloud.sdk.v2.model.PhoneBaseEntityListing;
import com.mypurecloud.sdk.v2.model.PolicyEntityListing;
import com.mypurecloud.sdk.v2.model.TrunkBaseEntityListing;
import com.recguard.service.ActionException;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the configuration the audit checks (reference/genesys-api.md section e) through the SDK,
 * and keeps each response's JSON exactly as Genesys returned it, keyed by its API path: that map is
 * the Genesys part of a configuration snapshot. A call Genesys refuses (403, 404…) is kept as an
 * error entry, so the audit can say what it could not check; only a failed login stops the read.
 */
public final class GenesysConfigReader {

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50;
    /** The one integration type that exports recordings to S3; its config schema names the bucket property. */
    static final String BULK_EXPORT_TYPE = "aws-s3-recording-bulk-actions-integration";

    private final GenesysClient client;

    public GenesysConfigReader(GenesysClient client) {
        this.client = client;
    }

    /** A call through the SDK that returns the response with its raw body. */
    @FunctionalInterface
    private interface Raw<T> {
        ApiResponse<T> call() throws IOException;
    }

    /**
     * @param calibratorId the QA evaluator whose calibration sessions are read (Genesys lists
     *                     calibrations per calibrator only); null to skip them
     * @param from         calibration sessions created from this instant (startTime) …
     * @param to           … to this one (endTime), every page
     * @throws ActionException when Genesys cannot be reached or refuses the login
     */
    public Map<String, String> read(String calibratorId, Instant from, Instant to) throws ActionException {
        Map<String, String> out = new TreeMap<>();
        var api = client.api();
        RecordingApi recording = new RecordingApi(api);
        TelephonyProvidersEdgeApi telephony = new TelephonyProvidersEdgeApi(api);
        IntegrationsApi integrations = new IntegrationsApi(api);
        QualityApi quality = new QualityApi(api);

        for (int page = 1; page <= MAX_PAGES; page++) {
            int n = page;
            PolicyEntityListing l = fetch(out, "/api/v2/recording/mediaretentionpolicies?pageNumber=" + n + "&pageSize=" + PAGE,
                    "recording:retentionPolicy:view", () -> recording.getRecordingMediaretentionpolicies(
                            GetRecordingMediaretentionpoliciesRequest.builder().withPageNumber(n).withPageSize(PAGE).build().withHttpInfo()));
            if (l == null || l.getPageCount() == null || n >= l.getPageCount()) {
                break;
            }
        }
        fetch(out, "/api/v2/analytics/dataretention/settings", "analytics:dataRetention:view",
                () -> new AnalyticsApi(api).getAnalyticsDataretentionSettings(
                        GetAnalyticsDataretentionSettingsRequest.builder().build().withHttpInfo()));
        for (int page = 1; page <= MAX_PAGES; page++) {
            int n = page;
            // without expand=properties the listing leaves out the properties (trunk_recording_enabled)
            TrunkBaseEntityListing l = fetch(out, "/api/v2/telephony/providers/edges/trunkbasesettings?pageNumber=" + n + "&pageSize=" + PAGE
                    + "&expand=properties", "telephony:plugin:all", () -> telephony.getTelephonyProvidersEdgesTrunkbasesettings(
                            GetTelephonyProvidersEdgesTrunkbasesettingsRequest.builder().withPageNumber(n).withPageSize(PAGE)
                                    .withExpand(List.of("properties")).build().withHttpInfo()));
            if (l == null || l.getPageCount() == null || n >= l.getPageCount()) {
                break;
            }
        }
        TreeSet<String> metabases = new TreeSet<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int n = page;
            PhoneBaseEntityListing l = fetch(out, "/api/v2/telephony/providers/edges/phonebasesettings?pageNumber=" + n + "&pageSize=" + PAGE
                    + "&expand=properties", "telephony:plugin:all", () -> telephony.getTelephonyProvidersEdgesPhonebasesettings(
                            GetTelephonyProvidersEdgesPhonebasesettingsRequest.builder().withPageNumber(n).withPageSize(PAGE)
                                    .withExpand(List.of("properties")).build().withHttpInfo()));
            if (l != null && l.getEntities() != null) {
                l.getEntities().stream().filter(p -> p.getPhoneMetaBase() != null && p.getPhoneMetaBase().getId() != null)
                        .forEach(p -> metabases.add(p.getPhoneMetaBase().getId()));
            }
            if (l == null || l.getPageCount() == null || n >= l.getPageCount()) {
                break;
            }
        }
        // the template of each phone model shows its property names: where station-side recording is named
        for (String metabase : metabases) {
            fetch(out, "/api/v2/telephony/providers/edges/phonebasesettings/template?phoneMetabaseId=" + metabase, "telephony:plugin:all",
                    () -> telephony.getTelephonyProvidersEdgesPhonebasesettingsTemplate(
                            GetTelephonyProvidersEdgesPhonebasesettingsTemplateRequest.builder().withPhoneMetabaseId(metabase)
                                    .build().withHttpInfo()));
        }
        IntegrationEntityListing ints = fetch(out, "/api/v2/integrations?pageNumber=1&pageSize=" + PAGE, "integrations:integration:view",
                () -> integrations.getIntegrations(GetIntegrationsRequest.builder().withPageNumber(1).withPageSize(PAGE).build().withHttpInfo()));
        if (ints != null && ints.getEntities() != null) {
            boolean export = false;
            for (Integration i : ints.getEntities()) {
                if (i.getIntegrationType() == null || !BULK_EXPORT_TYPE.equals(i.getIntegrationType().getId())) {
                    continue; // only the export integration's configuration matters, and others may hold secrets
                }
                export = true;
                fetch(out, "/api/v2/integrations/" + i.getId() + "/config/current", "integrations:integration:view",
                        () -> integrations.getIntegrationConfigCurrent(
                                GetIntegrationConfigCurrentRequest.builder().withIntegrationId(i.getId()).build().withHttpInfo()));
            }
            if (export) {
                fetch(out, "/api/v2/integrations/types/" + BULK_EXPORT_TYPE + "/configschemas/properties", "integrations:integration:view",
                        () -> integrations.getIntegrationsTypeConfigschema(GetIntegrationsTypeConfigschemaRequest.builder()
                                .withTypeId(BULK_EXPORT_TYPE).withConfigType("properties").build().withHttpInfo()));
            }
        }
        fetch(out, "/api/v2/quality/publishedforms/evaluations?pageNumber=1&pageSize=" + PAGE, "quality:evaluationForm:view",
                () -> quality.getQualityPublishedformsEvaluations(GetQualityPublishedformsEvaluationsRequest.builder()
                        .withPageNumber(1).withPageSize(PAGE).build().withHttpInfo()));
        if (calibratorId != null) {
            for (int page = 1; page <= MAX_PAGES; page++) {
                int n = page;
                CalibrationEntityListing l = fetch(out, "/api/v2/quality/calibrations?calibratorId=" + calibratorId + "&startTime=" + from
                        + "&endTime=" + to + "&pageNumber=" + n + "&pageSize=" + PAGE, "quality:calibration:view",
                        () -> quality.getQualityCalibrations(GetQualityCalibrationsRequest.builder().withCalibratorId(calibratorId)
                                .withStartTime(Date.from(from)).withEndTime(Date.from(to)).withPageNumber(n).withPageSize(PAGE)
                                .build().withHttpInfo()));
                if (l == null || l.getPageCount() == null || n >= l.getPageCount()) {
                    break;
                }
            }
        }
        String clientId = client.config().clientId();
        OAuthClient me = fetch(out, "/api/v2/oauth/clients/" + clientId, "oauth:client:view",
                () -> new OAuthApi(api).getOauthClient(GetOauthClientRequest.builder().withClientId(clientId).build().withHttpInfo()));
        if (me != null) {
            TreeSet<String> roles = new TreeSet<>(me.getRoleIds() == null ? List.of() : me.getRoleIds());
            if (me.getRoleDivisions() != null) {
                me.getRoleDivisions().forEach(rd -> roles.add(rd.getRoleId()));
            }
            AuthorizationApi authorization = new AuthorizationApi(api);
            for (String roleId : roles) {
                fetch(out, "/api/v2/authorization/roles/" + roleId, "authorization:role:view",
                        () -> authorization.getAuthorizationRole(GetAuthorizationRoleRequest.builder().withRoleId(roleId)
                                .build().withHttpInfo()));
            }
        }
        return out;
    }

    /** One GET: its raw JSON (or an error entry) under {@code key}; the typed body, or null after an error. */
    private <T> T fetch(Map<String, String> out, String key, String permission, Raw<T> raw) throws ActionException {
        Call what = Call.of("GET " + key, permission);
        try {
            ApiResponse<T> r = client.call(what, () -> {
                ApiResponse<T> response = raw.call();
                if (response.getException() instanceof ApiException e) {
                    throw e;
                }
                if (response.getException() instanceof IOException e) {
                    throw e;
                }
                return response;
            });
            out.put(key, r.hasRawBody() ? r.getRawBody() : client.api().serialize(r.getBody()));
            return r.getBody();
        } catch (ActionException e) {
            int status = e.getCause() instanceof ApiException api ? api.getStatusCode() : 0;
            if (status == 0 || status == 401) {
                throw e; // unreachable, or the login itself is refused: nothing can be audited
            }
            out.put(key, errorJson(status, e.getMessage()));
            return null;
        } catch (IOException e) {
            out.put(key, errorJson(0, "cannot serialise the response: " + e.getMessage()));
            return null;
        }
    }

    private static String errorJson(int status, String message) {
        String m = message == null ? "" : message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
        return "{\"error\":{\"status\":" + status + ",\"message\":\"" + m + "\"}}";
    }
}
