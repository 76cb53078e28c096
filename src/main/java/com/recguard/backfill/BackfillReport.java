package com.recguard.backfill;

import com.recguard.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The back-fill's report, one row per UTC day the conversations ended: how many were listed
 * (seen), decided, would be or were archived, exempt from recording, put on hold, failed or not
 * yet done, and the violations by code. Built from the checkpoint only, so a report written after
 * a resumed run counts every run's work once.
 */
public record BackfillReport(Instant from, Instant to, boolean acted, List<Day> days, Day total) {

    /**
     * @param decided    decided by a back-fill run (DECIDED) or found already decided in the store (KNOWN)
     * @param pending    listed and not yet finished (the run was stopped, or a failure is left to retry)
     * @param violations number of violations per code (a conversation with two codes counts in both)
     */
    public record Day(String day, int seen, int decided, int archived, int exempt, int held, int failed, int pending,
                      SortedMap<String, Integer> violations) {}

    public static BackfillReport of(Instant from, Instant to, boolean acted, List<ConversationListing.Listed> listed,
                                    Map<String, Outcome> outcomes) {
        SortedMap<LocalDate, int[]> counts = new TreeMap<>();
        SortedMap<LocalDate, SortedMap<String, Integer>> codes = new TreeMap<>();
        for (ConversationListing.Listed l : listed) {
            LocalDate day = dayOf(l.ended());
            int[] c = counts.computeIfAbsent(day, d -> new int[7]);
            codes.computeIfAbsent(day, d -> new TreeMap<>());
            c[0]++;
            Outcome o = outcomes.get(l.conversationId());
            if (o == null) {
                c[6]++;
                continue;
            }
            if (o.status() == Outcome.Status.FAILED) {
                c[5]++;
                continue;
            }
            c[1]++;
            c[2] += o.archive() ? 1 : 0;
            c[3] += "EXEMPT".equals(o.recording()) ? 1 : 0;
            c[4] += o.hold() ? 1 : 0;
            o.violations().forEach(v -> codes.get(day).merge(v, 1, Integer::sum));
        }
        List<Day> days = new ArrayList<>();
        int[] t = new int[7];
        SortedMap<String, Integer> allCodes = new TreeMap<>();
        counts.forEach((day, c) -> {
            days.add(new Day(day.toString(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], codes.get(day)));
            for (int i = 0; i < 7; i++) {
                t[i] += c[i];
            }
            codes.get(day).forEach((k, v) -> allCodes.merge(k, v, Integer::sum));
        });
        return new BackfillReport(from, to, acted, days, new Day("total", t[0], t[1], t[2], t[3], t[4], t[5], t[6], allCodes));
    }

    static LocalDate dayOf(Instant ended) {
        return ended.atZone(ZoneOffset.UTC).toLocalDate();
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("acted", acted);
        m.put("days", days);
        m.put("total", total);
        return Json.write(m);
    }

    public String toHtml() {
        List<String> allCodes = new ArrayList<>(total.violations().keySet());
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>recguard back-fill ")
                .append(esc(from.toString())).append(" to ").append(esc(to.toString())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #bbb;padding:.25em .6em;text-align:right}th{background:#eee}")
                .append("td:first-child,th:first-child{text-align:left}tfoot td{font-weight:bold}</style></head><body>\n")
                .append("<h1>Back-fill ").append(esc(from.toString())).append(" to ").append(esc(to.toString())).append("</h1>\n<p>")
                .append(acted ? "Decisions committed to the service's store; their actions run through its outbox."
                        : "Dry run: decided and reported only; nothing was archived or held (run with --act to act).")
                .append("</p>\n<table><thead><tr><th>Day (UTC)</th><th>Seen</th><th>Decided</th><th>")
                .append(acted ? "Archived" : "Would archive").append("</th><th>Exempt</th><th>Held</th><th>Failed</th><th>Pending</th>");
        allCodes.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        days.forEach(d -> row(b, d, allCodes));
        b.append("</tbody>\n<tfoot>\n");
        row(b, total, allCodes);
        b.append("</tfoot></table>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, Day d, List<String> codes) {
        b.append("<tr><td>").append(esc(d.day())).append("</td>");
        for (int n : new int[] {d.seen(), d.decided(), d.archived(), d.exempt(), d.held(), d.failed(), d.pending()}) {
            b.append("<td>").append(n).append("</td>");
        }
        codes.forEach(c -> b.append("<td>").append(d.violations().getOrDefault(c, 0)).append("</td>"));
        b.append("</tr>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes report.json and report.html into {@code dir}, each atomically. */
    public void write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Checkpoint.writeAtomically(dir.resolve("report.json"), toJson() + "\n");
        Checkpoint.writeAtomically(dir.resolve("report.html"), toHtml());
    }
}
