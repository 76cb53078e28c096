/**
 * Configuration facts for the configuration-audit pack ({@code rules/config/}): what a snapshot of
 * the Genesys org and the archive buckets says, as plain records. JDK only, like
 * {@code com.recguard.facts}; the rules match them and insert {@link com.recguard.config.facts.ConfigFinding}.
 */
package com.recguard.config.facts;
