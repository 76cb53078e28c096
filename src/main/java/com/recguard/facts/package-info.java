/**
 * The vocabulary of the DRL rules: facts derived from a bundle, rows of the data tables under
 * {@code rules/}, and the conclusions rules insert. JDK only, so analysts' rules depend on
 * nothing but plain records.
 */
package com.recguard.facts;
