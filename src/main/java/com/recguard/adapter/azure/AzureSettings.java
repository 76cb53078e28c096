package com.recguard.adapter.azure;

import java.util.Map;

/**
 * The storage account and its credentials from the environment:
 * {@code AZURE_STORAGE_ACCOUNT_URL} (e.g. {@code https://ACCOUNT.blob.core.windows.net}, or
 * {@code http://127.0.0.1:10000/devstoreaccount1} for Azurite), and one of
 * {@code AZURE_STORAGE_CONNECTION_STRING}, {@code AZURE_STORAGE_ACCOUNT} with
 * {@code AZURE_STORAGE_KEY}, or {@code AZURE_STORAGE_SAS_TOKEN}. A connection string alone is
 * enough (it names the endpoint). Secrets never appear in {@link #toString()}.
 */
public record AzureSettings(String accountUrl, String connectionString, String accountName, String accountKey, String sasToken) {

    public static AzureSettings fromEnv(Map<String, String> env) {
        return new AzureSettings(first(env, "AZURE_STORAGE_ACCOUNT_URL"), first(env, "AZURE_STORAGE_CONNECTION_STRING"),
                first(env, "AZURE_STORAGE_ACCOUNT"), first(env, "AZURE_STORAGE_KEY"), first(env, "AZURE_STORAGE_SAS_TOKEN"));
    }

    /** What is missing for a client to be built, or null when nothing is. */
    public String problem() {
        if (connectionString != null) {
            return null;
        }
        if (accountUrl == null) {
            return "AZURE_STORAGE_ACCOUNT_URL is not set (or give AZURE_STORAGE_CONNECTION_STRING)";
        }
        if ((accountName == null || accountKey == null) && sasToken == null) {
            return "no credentials for " + accountUrl + ": set AZURE_STORAGE_ACCOUNT and AZURE_STORAGE_KEY,"
                    + " AZURE_STORAGE_SAS_TOKEN, or AZURE_STORAGE_CONNECTION_STRING";
        }
        return null;
    }

    private static String first(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return "Azure Blob " + (accountUrl != null ? accountUrl : "(from connection string)");
    }
}
