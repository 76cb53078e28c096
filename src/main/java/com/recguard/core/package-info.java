/**
 * The evaluator: turns a bundle into facts, lets the rule pack decide, and assembles the
 * decision of POLICY.md section 2. Java here derives facts and sorts output; it decides nothing.
 */
package com.recguard.core;
