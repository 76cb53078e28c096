package com.recguard.diff;

import com.recguard.model.Action;
import com.recguard.model.Decision;
import com.recguard.model.Violation;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one conversation's decision changed between two rule packs, as change labels that group
 * well over a corpus: "newly exempt", "newly held", "region eu-west-1 -> us-east-1",
 * "new violation MISSING_RECORDING", and so on. Labels name values, never conversation data.
 */
public final class DecisionDiff {

    private DecisionDiff() {}

    public static List<String> changes(Decision before, Decision after) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(before.recording(), after.recording())) {
            String label = switch (String.valueOf(after.recording())) {
                case "EXEMPT" -> "newly exempt";
                case "PROHIBITED" -> "newly prohibited";
                default -> "newly required";
            };
            out.add(label + " (recording " + before.recording() + " -> " + after.recording() + ")");
        }
        scalar(out, "consent", before.consent(), after.consent());
        scalar(out, "residency zone", before.residencyZone(), after.residencyZone());
        scalar(out, "region move", before.archiveRegion(), after.archiveRegion());
        if (before.legalHold() != after.legalHold()) {
            out.add(after.legalHold() ? "newly held" : "no longer held");
        }
        sets(out, "hold reason", before.holdReasons(), after.holdReasons());
        if (!Objects.equals(before.retainUntil(), after.retainUntil())) {
            if (before.retainUntil() == null || after.retainUntil() == null) {
                out.add("retainUntil " + (after.retainUntil() == null ? "removed" : "set"));
            } else {
                // Grouped by how much it moved, not by date, so a table change reads as one line.
                Period p = Period.between(before.retainUntil(), after.retainUntil());
                boolean shorter = after.retainUntil().isBefore(before.retainUntil());
                out.add((shorter ? "retention shortened by " : "retention extended by ") + words(shorter ? p.negated() : p));
            }
        }
        sets(out, "violation", before.violations().stream().map(Violation::code).toList(),
                after.violations().stream().map(Violation::code).toList());
        sets(out, "action", before.actions().stream().map(Action::type).toList(),
                after.actions().stream().map(Action::type).toList());
        return out;
    }

    private static String words(Period p) {
        List<String> parts = new ArrayList<>();
        unit(parts, p.getYears(), "year");
        unit(parts, p.getMonths(), "month");
        unit(parts, p.getDays(), "day");
        return String.join(" ", parts);
    }

    private static void unit(List<String> parts, int n, String name) {
        if (n != 0) {
            parts.add(n + " " + name + (Math.abs(n) == 1 ? "" : "s"));
        }
    }

    private static void scalar(List<String> out, String label, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(label + " " + a + " -> " + b);
        }
    }

    private static void sets(List<String> out, String label, List<String> before, List<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        added.forEach(v -> out.add("new " + label + " " + v));
        removed.forEach(v -> out.add("cleared " + label + " " + v));
    }
}
