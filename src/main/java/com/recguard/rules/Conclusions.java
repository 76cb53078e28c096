package com.recguard.rules;

import java.util.List;
import java.util.Map;

/**
 * What a session concluded: every fact a rule inserted that still stands when the rules stop
 * firing, with the id of the rule that inserted it.
 */
public record Conclusions(Map<Object, String> factsByRule) {

    public <T> List<T> all(Class<T> type) {
        return factsByRule.keySet().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String ruleOf(Object fact) {
        return factsByRule.get(fact);
    }
}
