/**
 * The tamper-evident decision log: each decision with its input, rule pack and fired rules,
 * chained by SHA-256 so that an edited, deleted or reordered entry is detected. JDK only; the
 * line format (JSON) is {@code com.recguard.json.LogEntryJson}, the file {@code com.recguard.adapter.file.DecisionLogFile}.
 */
package com.recguard.audit;
