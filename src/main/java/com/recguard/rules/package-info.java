/**
 * The rule pack: compiles the DRL under {@code rules/} with Drools, loads its data tables, and
 * runs sessions. The only package that imports Drools (enforced by an ArchUnit test).
 */
package com.recguard.rules;
