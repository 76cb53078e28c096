/**
 * The configuration audit: a {@link com.recguard.config.ConfigSnapshot} (each Genesys API path with
 * the JSON it returned, and each archive bucket as S3 describes it) evaluated by the
 * configuration-audit pack ({@code rules/config/}) into an {@link com.recguard.config.AuditReport}
 * by {@code service.ConfigAudit}, through the facts {@code json.ConfigSnapshotFacts} reads from it.
 * Live mode records a snapshot first, so live and offline audits share one evaluator.
 */
package com.recguard.config;
