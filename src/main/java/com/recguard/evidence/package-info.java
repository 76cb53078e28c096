/**
 * The regulator's evidence pack: for chosen archived conversations, one zip with the archived
 * objects byte for byte, their versions and locks as read back from the archive, the decision-log
 * entries with the hash chain up to a digest kept under Object Lock, an index, and two offline
 * verifiers (this package's {@link com.recguard.evidence.PackVerifier} and {@code verify.py}).
 * JDK, {@code archive} and {@code audit} only: the store is the archive's
 * {@link com.recguard.archive.ObjectStore} port, JSON the {@link com.recguard.evidence.EvidenceCodec}
 * port (implemented in {@code json}). See docs/evidence.md.
 */
package com.recguard.evidence;
