package com.recguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Turns JMH's JSON results into the tables of BENCHMARKS.md: every figure next to the baseline
 * measured in the same run, and each target of the benchmark issue as met or missed. Ratios, not
 * absolute numbers, are what to compare between runs on a shared machine.
 *
 * <p>Usage: {@code Report results.json [more.json…]} (bin/bench calls it).
 */
public final class Report {

    record Row(String benchmark, String method, String mode, int threads, JsonNode params, double score, double error,
            String unit, JsonNode percentiles, JsonNode secondary) {
        /** CPU µs per operation from {@link CpuProfiler}, NaN when the run had no such profiler. */
        double cpu() {
            return secondary == null || !secondary.has("cpu.us/op") ? Double.NaN
                    : secondary.get("cpu.us/op").get("score").asDouble();
        }

        double cpuShare() {
            return secondary == null || !secondary.has("cpu.share") ? Double.NaN
                    : secondary.get("cpu.share").get("score").asDouble();
        }

        String param(String name) {
            return params == null || !params.has(name) ? "" : params.get(name).asText();
        }

        double percentile(String p) {
            return percentiles == null || !percentiles.has(p) ? Double.NaN : percentiles.get(p).asDouble();
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private final List<String> targets = new ArrayList<>();

    /** A command timed by hyperfine: seconds of wall time (median, mean, σ) and of CPU (user, system). */
    record Command(String name, double median, double mean, double stddev, double user, double system) {}

    private final List<Command> commands = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Report r = new Report();
        for (String a : args) {
            r.read(Path.of(a));
        }
        System.out.print(r.render());
    }

    void read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root.has("results")) {
            // hyperfine's --export-json (bin/bench-cli): one row per command, times in seconds.
            for (JsonNode n : root.get("results")) {
                commands.add(new Command(n.get("command").asText(), n.get("median").asDouble(), n.get("mean").asDouble(),
                        n.get("stddev").asDouble(), n.get("user").asDouble(), n.get("system").asDouble()));
            }
            return;
        }
        for (JsonNode n : root) {
            String full = n.get("benchmark").asText();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            JsonNode m = n.get("primaryMetric");
            rows.add(new Row(cls, full.substring(dot + 1), n.get("mode").asText(), n.get("threads").asInt(), n.get("params"),
                    m.get("score").asDouble(), m.get("scoreError").asDouble(), m.get("scoreUnit").asText(),
                    m.get("scorePercentiles"), n.get("secondaryMetrics")));
        }
    }

    private List<Row> find(Predicate<Row> p) {
        return rows.stream().filter(p).toList();
    }

    private Row one(String cls, String method) {
        return rows.stream().filter(r -> r.benchmark().equals(cls) && r.method().equals(method)).findFirst().orElse(null);
    }

    String render() {
        decisions();
        latency();
        scaling("TranscriptScaling", "scale", "transcript length (x)", "readEvaluate", "evaluate");
        scaling("LexiconScaling", "phrases", "lexicon phrases", "evaluate");
        scaling("HoldScaling", "holds", "legal holds in force", "evaluate");
        compile();
        commandLine();
        if (!targets.isEmpty()) {
            out.append("\n### Targets\n\n| target | measured | |\n|---|---|---|\n");
            targets.forEach(t -> out.append(t).append('\n'));
        }
        return out.toString();
    }

    private void decisions() {
        List<Row> tp = find(r -> r.benchmark().equals("DecisionThroughput"));
        if (tp.isEmpty()) {
            return;
        }
        out.append("\n### Decisions per second (DecisionThroughput)\n\n")
                .append("| operation | threads | ops/s (wall) | ± | ops/s per thread | CPU µs/op | ops per CPU-second |")
                .append(" CPU share | vs read-only (wall) | vs read-only (CPU) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (String op : List.of("read", "readEvaluate", "evaluate")) {
            for (int t : List.of(1, 2)) {
                Row r = one("DecisionThroughput", op + "_" + t + "t");
                Row base = one("DecisionThroughput", "read_" + t + "t");
                if (r == null) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %,.0f | %.1f | %,.0f | %.2f | %s | %s |%n", op, t,
                        r.score(), r.error(), r.score() / t, r.cpu(), 1e6 / r.cpu(), r.cpuShare(),
                        base == null ? "" : pct(r.score() / base.score()), base == null ? "" : pct(base.cpu() / r.cpu())));
            }
        }
        Row ev = one("DecisionThroughput", "evaluate_1t");
        Row rd = one("DecisionThroughput", "read_1t");
        if (ev != null && rd != null) {
            // Issue 13: evaluating a parsed bundle costs at most twice reading it (CPU per operation, same run).
            double x = ev.cpu() / rd.cpu();
            target("evaluate (without reading) <= 2x the cost of reading the bundle (1 thread, CPU µs/op)", x <= 2,
                    String.format(Locale.ROOT, "%.2fx (%.1f against %.1f µs; wall %.2fx)", x, ev.cpu(), rd.cpu(),
                            rd.score() / ev.score()));
        }
        Row re2 = one("DecisionThroughput", "readEvaluate_2t");
        Row re1 = one("DecisionThroughput", "readEvaluate_1t");
        if (re2 != null && re1 != null) {
            out.append(String.format(Locale.ROOT, "%nTwo threads give %.2fx the one-thread read+evaluate throughput.%n",
                    re2.score() / re1.score()));
        }
    }

    private void latency() {
        List<Row> lat = find(r -> r.benchmark().equals("DecisionLatency"));
        if (lat.isEmpty()) {
            return;
        }
        out.append("\n### Latency per decision (DecisionLatency, sampled)\n\n")
                .append("| operation | threads | mean µs | p50 µs | p90 µs | p99 µs | p99.9 µs | CPU µs/op | CPU share |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (String op : List.of("read", "readEvaluate", "evaluate")) {
            for (int t : List.of(1, 2)) {
                Row r = one("DecisionLatency", op + "_" + t + "t");
                if (r == null) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n", op, t, r.score(),
                        r.percentile("50.0"), r.percentile("90.0"), r.percentile("99.0"), r.percentile("99.9"), r.cpu(),
                        r.cpuShare()));
            }
        }
        Row r = one("DecisionLatency", "readEvaluate_1t");
        if (r != null) {
            target("p99 of read+evaluate <= 100 µs warm on one core", r.percentile("99.0") <= 100,
                    String.format(Locale.ROOT, "%.1f µs (p50 %.1f µs, CPU share %.2f)", r.percentile("99.0"),
                            r.percentile("50.0"), r.cpuShare()));
        }
    }

    private void scaling(String cls, String param, String label, String... methods) {
        List<Row> rs = find(r -> r.benchmark().equals(cls));
        if (rs.isEmpty()) {
            return;
        }
        out.append("\n### Scaling: ").append(label).append(" (").append(cls).append(")\n\n");
        List<String> others = new ArrayList<>();
        rs.get(0).params().fieldNames().forEachRemaining(f -> {
            if (!f.equals(param)) {
                others.add(f);
            }
        });
        out.append("| method | ").append(others.isEmpty() ? "" : String.join(" | ", others) + " | ").append(param)
                .append(" | µs/op (wall) | ± | CPU µs/op | x smallest (CPU) | x smallest (wall) | growth per step (CPU) |\n|---|")
                .append("---|".repeat(others.size())).append("---|---|---|---|---|---|---|\n");
        for (String m : methods) {
            List<Row> ms = rs.stream().filter(r -> r.method().equals(m)).toList();
            List<String> groups = ms.stream().map(r -> others.stream().map(r::param).toList().toString()).distinct().toList();
            for (String g : groups) {
                List<Row> series = ms.stream().filter(r -> others.stream().map(r::param).toList().toString().equals(g))
                        .sorted((a, b) -> Double.compare(Double.parseDouble(a.param(param)), Double.parseDouble(b.param(param))))
                        .toList();
                Row first = series.get(0);
                Row prev = null;
                for (Row r : series) {
                    out.append("| ").append(m).append(" | ");
                    for (String o : others) {
                        out.append(r.param(o)).append(" | ");
                    }
                    out.append(String.format(Locale.ROOT, "%s | %.1f | %.1f | %.1f | %.2fx | %.2fx | %s |%n", r.param(param), r.score(),
                            r.error(), r.cpu(), r.cpu() / first.cpu(), r.score() / first.score(),
                            prev == null ? "" : String.format(Locale.ROOT, "%.2fx for %.0fx", r.cpu() / prev.cpu(),
                                    Double.parseDouble(r.param(param)) / Double.parseDouble(prev.param(param)))));
                    prev = r;
                }
                scalingTarget(cls, m, g, series, param);
            }
        }
    }

    private void scalingTarget(String cls, String method, String group, List<Row> series, String param) {
        Row first = series.get(0);
        for (Row r : series) {
            double x = Double.isNaN(r.cpu()) ? r.score() / first.score() : r.cpu() / first.cpu();
            String at = r.param(param);
            String where = method + (group.equals("[]") ? "" : " " + group);
            switch (cls) {
                case "TranscriptScaling" -> {
                    if (at.equals("10")) {
                        target("10x transcript <= 11x time (" + where + ")", x <= 11, String.format(Locale.ROOT, "%.2fx", x));
                    }
                }
                case "LexiconScaling" -> {
                    if (at.equals("2000")) {
                        target("2,000 phrases <= 2x the time of 2 (" + where + ")", x <= 2, String.format(Locale.ROOT, "%.2fx", x));
                    }
                }
                case "HoldScaling" -> {
                    if (at.equals("10000")) {
                        target("10,000 holds <= 2x the time of 1 (" + where + ")", x <= 2, String.format(Locale.ROOT, "%.2fx", x));
                    }
                }
                default -> { }
            }
        }
    }

    private void compile() {
        Row cold = one("RulePackCompile", "cold");
        Row warm = one("RulePackCompile", "warm");
        if (cold == null && warm == null) {
            return;
        }
        out.append("\n### Rule pack compile (RulePackCompile, single shot)\n\n| | ms | ± |\n|---|---|---|\n");
        if (cold != null) {
            out.append(String.format(Locale.ROOT, "| cold (first compile in a fresh JVM) | %.0f | %.0f |%n", cold.score(), cold.error()));
        }
        if (warm != null) {
            out.append(String.format(Locale.ROOT, "| warm (recompile in a running JVM) | %.0f | %.0f |%n", warm.score(), warm.error()));
        }
    }

    private void commandLine() {
        if (commands.isEmpty()) {
            return;
        }
        Command first = commands.get(0);
        out.append("\n### Command line (hyperfine)\n\n| command | wall, median | mean ± σ | CPU (user + system) | x first (wall) |\n")
                .append("|---|---|---|---|---|\n");
        for (Command c : commands) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f s | %.3f ± %.3f s | %.2f s | %.2fx |%n", c.name(), c.median(), c.mean(),
                    c.stddev(), c.user() + c.system(), c.median() / first.median()));
        }
        commands.stream().filter(c -> c.name().contains("evaluate")).findFirst().ifPresent(c -> target(
                "first decision from a cold CLI <= 1.0 s (" + c.name() + ", median)", c.median() <= 1.0,
                String.format(Locale.ROOT, "%.3f s (CPU %.2f s)", c.median(), c.user() + c.system())));
    }

    private void target(String what, boolean met, String measured) {
        targets.add("| " + what + " | " + measured + " | " + (met ? "met" : "**missed**") + " |");
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }
}
