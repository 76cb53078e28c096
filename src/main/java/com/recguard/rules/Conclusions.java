package com.recguard.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session concluded: every fact a rule inserted that still stands when the rules stop
 * firing, with the id of the rule that inserted it.
 */
public record Conclusions(Map<Object, String> factsByRule, Map<Class<?>, List<Object>> byClass) {

    public Conclusions(Map<Object, String> factsByRule) {
        this(factsByRule, byClass(factsByRule));
    }

    /** The facts grouped by their class once, so that each field of a decision looks at its own facts only. */
    private static Map<Class<?>, List<Object>> byClass(Map<Object, String> facts) {
        Map<Class<?>, List<Object>> out = new HashMap<>();
        for (Object f : facts.keySet()) {
            out.computeIfAbsent(f.getClass(), c -> new ArrayList<>(2)).add(f);
        }
        return out;
    }

    public <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Map.Entry<Class<?>, List<Object>> e : byClass.entrySet()) {
            if (type.isAssignableFrom(e.getKey())) {
                e.getValue().forEach(f -> out.add(type.cast(f)));
            }
        }
        return out;
    }

    public String ruleOf(Object fact) {
        return factsByRule.get(fact);
    }
}
