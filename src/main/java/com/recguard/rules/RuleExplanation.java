package com.recguard.rules;

import java.util.List;

/**
 * Why one rule did or did not contribute to a decision.
 *
 * @param clause      the comment above the rule (the policy clause it implements)
 * @param fired       whether its conclusions are in the decision
 * @param matches     for a rule that fired, the facts of each match
 * @param failedAt    for a rule that did not fire, the 1-based condition that failed first
 *                    (0 when every condition held but its conclusion was withdrawn)
 * @param condition   the text of that condition
 * @param line        its line in the rule file
 */
public record RuleExplanation(RuleInfo rule, String clause, boolean fired, List<List<Object>> matches,
                              int failedAt, String condition, int line) {}
