package com.recguard.rules;

import com.recguard.lint.LintFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * DRL foot-guns that compile but mislead: a {@code modify}/{@code update} that can re-fire its own
 * rule, salience without a comment saying why, a rule without {@code @id} or with a duplicate
 * one, a package that does not mirror the folder, more than one rule in a file, and
 * {@code exists(A() and not B())}, which Drools 10.0 to 10.2 can silently stop firing.
 */
public final class DrlLint {

    private static final Pattern MODIFY = Pattern.compile("\\b(modify|update)\\s*\\(");

    private DrlLint() {}

    /** @param drlFiles paths relative to {@code packDir}, with '/' */
    public static List<LintFinding> lint(Path packDir, List<String> drlFiles) {
        List<LintFinding> out = new ArrayList<>();
        Map<String, String> idOwners = new HashMap<>();
        for (String file : drlFiles) {
            String src = read(packDir.resolve(file));
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, src);
            } catch (DroolsParserException e) {
                out.add(new LintFinding(file, 1, "does not parse: " + e.getMessage()));
                continue;
            }
            if (pkg == null || parser.hasErrors()) {
                parser.getErrors().forEach(e -> out.add(new LintFinding(file,
                        e.getLines().length > 0 ? Math.max(1, e.getLines()[0]) : 1, e.getMessage())));
                continue;
            }
            String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
            String expectedPackage = folder.isEmpty() ? "rules" : "rules." + folder.replace('/', '.');
            if (!expectedPackage.equals(pkg.getName())) {
                out.add(new LintFinding(file, lineOf(src, "package"), "package " + pkg.getName()
                        + " does not mirror the folder: it should be " + expectedPackage));
            }
            if (pkg.getRules().size() > 1) {
                out.add(new LintFinding(file, pkg.getRules().get(1).getLine(), "holds " + pkg.getRules().size()
                        + " rules; keep one rule per file so its fixtures and history stay its own"));
            }
            for (RuleDescr rule : pkg.getRules()) {
                lintRule(file, src, rule, idOwners, out);
            }
        }
        return out;
    }

    private static void lintRule(String file, String src, RuleDescr rule, Map<String, String> idOwners, List<LintFinding> out) {
        int line = rule.getLine();
        var id = rule.getAnnotation("id");
        if (id == null) {
            out.add(new LintFinding(file, line, "rule \"" + rule.getName() + "\" has no @id(...): its findings could not name it"));
        } else {
            String value = String.valueOf(id.getSingleValue()).replace("\"", "");
            String owner = idOwners.putIfAbsent(value, file);
            if (owner != null) {
                out.add(new LintFinding(file, line, "@id(" + value + ") is also used in " + owner));
            }
        }
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        boolean guarded = rule.getAttributes().containsKey("no-loop") || rule.getAttributes().containsKey("lock-on-active");
        if (MODIFY.matcher(consequence).find() && !guarded) {
            out.add(new LintFinding(file, line, "rule \"" + rule.getName() + "\" modifies a fact without no-loop or"
                    + " lock-on-active: the change can make the rule fire again, forever. Prefer insertLogical of a conclusion"));
        }
        if (rule.getLhs() != null && existsOverNot(rule.getLhs())) {
            out.add(new LintFinding(file, line, "rule \"" + rule.getName() + "\" uses exists( ... and not ... ): on Drools"
                    + " 10.0-10.2 such a rule can silently stop firing when a rule in another package also opens an exists"
                    + " with the same pattern (apache/incubator-kie 7115). Write the two conditions at the top level,"
                    + " or conclude the inner part in a rule of its own and test exists of that conclusion"));
        }
        if (rule.getAttributes().containsKey("salience")) {
            int salienceLine = rule.getAttributes().get("salience").getLine();
            String[] lines = src.split("\n", -1);
            boolean commented = salienceLine > 0 && (lines[salienceLine - 1].contains("//")
                    || (salienceLine > 1 && lines[salienceLine - 2].trim().startsWith("//")));
            if (!commented) {
                out.add(new LintFinding(file, salienceLine > 0 ? salienceLine : line, "salience without a comment saying"
                        + " why this rule must fire before others; with insertLogical, order rarely matters"));
            }
        }
    }

    /** True when some exists(...) holds a group of conditions one of which is a not(...). */
    private static boolean existsOverNot(BaseDescr d) {
        if (d instanceof ExistsDescr exists) {
            for (Object child : exists.getDescrs()) {
                if (child instanceof AndDescr and && and.getDescrs().stream().anyMatch(c -> c instanceof NotDescr)) {
                    return true;
                }
            }
        }
        if (d instanceof ConditionalElementDescr ce) {
            for (Object child : ce.getDescrs()) {
                if (child instanceof BaseDescr b && existsOverNot(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int lineOf(String src, String prefix) {
        String[] lines = src.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith(prefix)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
