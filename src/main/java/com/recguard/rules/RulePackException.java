package com.recguard.rules;

import java.util.List;

/** The rule pack cannot be used; each problem reads {@code file:line: message}. */
public final class RulePackException extends Exception {
    private final List<String> problems;

    public RulePackException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
