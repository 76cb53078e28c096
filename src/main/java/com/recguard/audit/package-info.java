/**
 * The tamper-evident decision log: each decision with its input, rule pack and fired rules,
 * chained by SHA-256 so that an edited, deleted or reordered entry is detected. JDK only; the
 * file format (JSON lines) lives in {@code com.recguard.json.DecisionLogFile}.
 */
package com.recguard.audit;
