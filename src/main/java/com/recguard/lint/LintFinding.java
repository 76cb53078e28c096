package com.recguard.lint;

/** A lint finding: where (file relative to the pack, line; 0 when not known) and what to fix. */
public record LintFinding(String file, int line, String message) implements Comparable<LintFinding> {

    @Override
    public int compareTo(LintFinding o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : line != o.line ? Integer.compare(line, o.line) : message.compareTo(o.message);
    }

    public String format(java.nio.file.Path packDir) {
        return packDir.resolve(file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
