package com.recguard.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Explains a decision rule by rule. It compiles "probe" rules: for a rule with conditions
 * c1..cn, probe k has conditions c1..ck and only records that it matched. The pack runs first;
 * the probes then run in a session of their own over every fact the pack left (inputs, tables and
 * standing conclusions), so they see the final state: the first k whose probe did not match is
 * the condition that failed first. (Probes in an agenda group of the pack's own session would be
 * simpler, but Drools 10 fails on dormant logical matches in an unfocused group.)
 */
public final class Explainer {

    private static final String PROBE_GLOBAL = "recguardProbes";

    private record Condition(String text, int line) {}

    private final RulePack pack;
    private final KieBase kieBase;
    private final Map<String, List<Condition>> conditionsByRule;
    private final Map<String, String> clauseByRule;

    private Explainer(RulePack pack, KieBase kieBase, Map<String, List<Condition>> conditions, Map<String, String> clauses) {
        this.pack = pack;
        this.kieBase = kieBase;
        this.conditionsByRule = conditions;
        this.clauseByRule = clauses;
    }

    public static Explainer of(RulePack pack) throws RulePackException {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("com.recguard.pack", "explain", "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, List<Condition>> conditions = new LinkedHashMap<>();
        Map<String, String> clauses = new LinkedHashMap<>();
        for (String file : pack.drlFiles()) {
            String src = read(pack.dir().resolve(file));
            kfs.write("src/main/resources/rules/" + file.replace(".drl", ".probes.drl"), probes(file, src, conditions, clauses));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> problems = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText()).toList();
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return new Explainer(pack, RulePack.newKieBase(ks, releaseId), conditions, clauses);
    }

    private static String probes(String file, String src, Map<String, List<Condition>> conditions, Map<String, String> clauses)
            throws RulePackException {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, src);
        } catch (DroolsParserException e) {
            throw new RulePackException(List.of(file + ": " + e.getMessage()));
        }
        StringBuilder out = new StringBuilder();
        int firstRule = pkg.getRules().stream().mapToInt(BaseDescr::getStartCharacter).filter(i -> i >= 0).min().orElse(src.length());
        out.append(src, 0, firstRule).append("\nglobal java.util.Set ").append(PROBE_GLOBAL).append(";\n");
        String[] lines = src.split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            var idAnnotation = rule.getAnnotation("id");
            if (idAnnotation == null) {
                continue;
            }
            String id = String.valueOf(idAnnotation.getSingleValue()).replace("\"", "");
            clauses.put(id, clauseAbove(lines, rule.getLine()));
            List<Condition> conds = new ArrayList<>();
            for (BaseDescr d : rule.getLhs().getDescrs()) {
                conds.add(new Condition(src.substring(d.getStartCharacter(), Math.min(src.length(), d.getEndCharacter() + 1)).trim(),
                        d.getLine()));
            }
            conditions.put(id, conds);
            for (int k = 1; k <= conds.size(); k++) {
                out.append("\nrule \"probe|").append(id).append('|').append(k).append("\"\nwhen\n");
                for (int i = 0; i < k; i++) {
                    out.append("    ").append(conds.get(i).text()).append('\n');
                }
                out.append("then\n    ").append(PROBE_GLOBAL).append(".add(\"").append(id).append('|').append(k)
                        .append("\");\nend\n");
            }
        }
        return out.toString();
    }

    /** The // comment lines right above the rule line (1-based), joined. */
    private static String clauseAbove(String[] lines, int ruleLine) {
        List<String> comment = new ArrayList<>();
        for (int i = ruleLine - 2; i >= 0 && lines[i].trim().startsWith("//"); i--) {
            comment.add(0, lines[i].trim().substring(2).trim());
        }
        return String.join(" ", comment);
    }

    /**
     * @param facts     the bundle's facts (as the evaluator builds them)
     * @param standing  the ids of the rules whose conclusions are in the decision
     */
    public List<RuleExplanation> explain(List<?> facts, Set<String> standing) {
        Set<String> probesMatched = new HashSet<>();
        Map<String, List<List<Object>>> matches = new LinkedHashMap<>();
        List<Object> finalState;
        KieSession session = pack.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Object id = event.getMatch().getRule().getMetaData().get("id");
                    if (id != null) {
                        // Drools' own initial fact stands in for rules that start with not/exists/accumulate.
                        List<Object> objects = event.getMatch().getObjects().stream()
                                .filter(o -> !o.getClass().getName().startsWith("org.drools.")).toList();
                        matches.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(objects);
                    }
                }
            });
            pack.tableFacts().forEach(session::insert);
            facts.forEach(session::insert);
            session.fireAllRules();
            finalState = List.copyOf(session.getObjects());
        } finally {
            session.dispose();
        }
        KieSession probes = kieBase.newKieSession();
        try {
            probes.setGlobal(PROBE_GLOBAL, probesMatched);
            finalState.forEach(probes::insert);
            probes.fireAllRules();
        } finally {
            probes.dispose();
        }
        List<RuleExplanation> out = new ArrayList<>();
        for (RuleInfo rule : pack.rules().values()) {
            String id = rule.id();
            String clause = clauseByRule.getOrDefault(id, "");
            List<Condition> conds = conditionsByRule.getOrDefault(id, List.of());
            if (standing.contains(id)) {
                out.add(new RuleExplanation(rule, clause, true, matches.getOrDefault(id, List.of()), 0, null, 0));
                continue;
            }
            int failed = 0;
            for (int k = 1; k <= conds.size(); k++) {
                if (!probesMatched.contains(id + "|" + k)) {
                    failed = k;
                    break;
                }
            }
            Condition c = failed > 0 ? conds.get(failed - 1) : null;
            out.add(new RuleExplanation(rule, clause, false, List.of(), failed, c == null ? null : c.text(), c == null ? 0 : c.line()));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
