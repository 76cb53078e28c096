package com.recguard.rules;

import com.recguard.facts.PhraseHit;
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
                              int failedAt, String condition, int line) {

    /**
     * One matched fact as a reader of the explanation should see it: a phrase with its utterance,
     * offset and snippet; any other fact as its record, with parentheses for brackets.
     */
    public static String describe(Object fact) {
        if (fact instanceof PhraseHit h) {
            return "phrase \"" + h.phrase() + "\"" + (h.holdId() == null ? "" : " (term of hold " + h.holdId() + ")")
                    + " said in utterance " + h.utterance() + " at character " + h.offset() + ": \"" + h.snippet() + "\"";
        }
        String s = String.valueOf(fact);
        int bracket = s.indexOf('[');
        return bracket > 0 && s.endsWith("]") ? s.substring(0, bracket) + "(" + s.substring(bracket + 1, s.length() - 1) + ")" : s;
    }
}
