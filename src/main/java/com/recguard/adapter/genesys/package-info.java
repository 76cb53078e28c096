/**
 * The Genesys Cloud adapter: {@link com.recguard.adapter.genesys.GenesysConversationSource} gathers
 * bundles, {@link com.recguard.adapter.genesys.GenesysActions} carries out RECORD_CONSENT,
 * APPLY_LEGAL_HOLD (deletion protection) and QUEUE_FOR_QA, both through one
 * {@link com.recguard.adapter.genesys.GenesysClient} configured by
 * {@link com.recguard.adapter.genesys.GenesysConfig}. The only package importing the Genesys SDK
 * (platform-client-v2) and its Apache HttpClient; docs/genesys.md is the operator's guide.
 */
package com.recguard.adapter.genesys;
