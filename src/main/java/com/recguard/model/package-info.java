/**
 * The conversation bundle (POLICY.md section 1) and the decision (section 2) as plain records.
 * JDK only: no outside library is imported here, so every other package can depend on it.
 */
package com.recguard.model;
