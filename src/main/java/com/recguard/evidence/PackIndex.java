package com.recguard.evidence;

import com.recguard.archive.Manifest;
import java.util.List;
import java.util.TreeSet;

/** index.csv and index.html: one row per conversation, for finding your way; the evidence is in the members. */
final class PackIndex {

    private static final List<String> COLUMNS = List.of("conversation_id", "folder", "region", "bucket", "start_time",
            "end_time", "direction", "users", "legal_hold", "hold_reasons", "retain_until", "objects",
            "decision_log_entries", "digest_seq", "digest_hash");

    private PackIndex() {}

    private static List<String> row(EvidencePacker.Planned p) {
        Manifest m = p.state().manifest();
        TreeSet<String> users = new TreeSet<>();
        m.participants().forEach(x -> {
            if (x.userId() != null) {
                users.add(x.userId());
            }
        });
        return List.of(p.conversationId(), PackLayout.folder(p.conversationId()), p.at().region(), p.at().bucket(),
                str(m.startTime()), str(m.endTime()), str(m.originatingDirection()), String.join(" ", users),
                Boolean.toString(p.state().held()), String.join(" ", p.state().activeReasons()), str(p.state().retainUntil()),
                Long.toString(p.versions().stream().filter(v -> v.member() != null).count()),
                Long.toString(p.ownEntries()), Long.toString(p.digest().seq()), p.digest().hash());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String csv(EvidencePacker.Plan plan) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (EvidencePacker.Planned p : plan.conversations()) {
            List<String> cells = row(p).stream().map(PackIndex::csvCell).toList();
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static String csvCell(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String html(EvidencePacker.Plan plan) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>recguard evidence pack</title>\n<style>body{font-family:sans-serif}td,th{border:1px solid #999;"
                + "padding:2px 6px;font-size:90%}table{border-collapse:collapse}</style></head><body>\n"
                + "<h1>recguard evidence pack</h1>\n<p>Selection: ").append(esc(plan.selection().describe()))
                .append("; read from the archive at ").append(esc(plan.readAt().toString()))
                .append(". How to verify this pack: README.txt. This index is a guide, not evidence.</p>\n<table>\n<tr>");
        COLUMNS.forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("</tr>\n");
        for (EvidencePacker.Planned p : plan.conversations()) {
            List<String> cells = row(p);
            sb.append("<tr>");
            for (int i = 0; i < cells.size(); i++) {
                String cell = esc(cells.get(i));
                sb.append("<td>").append(i == 1 ? "<a href=\"" + cell + "\">" + cell + "</a>" : cell).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
