package com.recguard.console;

import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.Evidence;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A conversation on one time axis: the call, each recording, each stop (justified or not), the
 * stretches no audio recording covers, and where each risk phrase was said. An SVG with a title on
 * every mark, and the same as text for readers without the picture.
 */
record Timeline(Views.Chart chart, String text) {

    private static final int WIDTH = 960;
    private static final int LEFT = 110;
    private static final int RIGHT = 10;
    private static final int ROW = 26;
    private static final String[] ROWS = {"call", "recordings", "stops", "gaps", "phrases"};

    static Timeline of(Bundle b, Decision d) {
        Instant start = b.conversation().conversationStart();
        Instant end = b.conversation().conversationEnd();
        if (start == null || end == null || !end.isAfter(start)) {
            return new Timeline(null, "The conversation has no start and end times, so no timeline can be drawn.");
        }
        double span = end.toEpochMilli() - start.toEpochMilli();
        double plotW = WIDTH - LEFT - RIGHT;
        List<Views.Bar> bars = new ArrayList<>();
        List<Views.Label> labels = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < ROWS.length; i++) {
            labels.add(new Views.Label(LEFT - 8, 10 + i * ROW + 13, ROWS[i], "end"));
        }
        java.util.function.ToDoubleFunction<Instant> x = t -> LEFT + plotW * Math.max(0, Math.min(span,
                t.toEpochMilli() - start.toEpochMilli())) / span;
        bars.add(new Views.Bar(LEFT, row(0), plotW, 14, "call", "call " + Console.time(start) + " to " + Console.time(end)));
        text.add("Call from " + Console.time(start) + " to " + Console.time(end) + " UTC.");
        List<Recording> audio = new ArrayList<>();
        for (Recording r : b.recordings()) {
            if (r.startTime() == null || r.endTime() == null) {
                text.add("Recording " + r.id() + " (" + r.fileState() + ") has no times.");
                continue;
            }
            String what = r.media() + " recording " + r.id() + " (" + r.fileState() + ") " + Console.time(r.startTime()) + " to "
                    + Console.time(r.endTime());
            bars.add(new Views.Bar(x.applyAsDouble(r.startTime()), row(1), width(x, r.startTime(), r.endTime()), 14,
                    r.fileExists() ? "recording" : "recording-missing", what));
            text.add(capital(what) + ".");
            if (!"screen".equalsIgnoreCase(r.media())) {
                audio.add(r);
            }
        }
        for (RecordingStop s : b.recordingStops()) {
            Instant resumed = s.resumedAt() == null ? end : s.resumedAt();
            String what = Console.describeStop(s);
            bars.add(new Views.Bar(x.applyAsDouble(s.at()), row(2), width(x, s.at(), resumed), 14,
                    s.justified() ? "stop" : "stop-unjustified", what));
            text.add(capital(what) + ".");
        }
        audio.sort(Comparator.comparing(Recording::startTime));
        Instant covered = start;
        List<Instant[]> gaps = new ArrayList<>();
        for (Recording r : audio) {
            if (r.startTime().isAfter(covered)) {
                gaps.add(new Instant[] {covered, r.startTime()});
            }
            if (r.endTime().isAfter(covered)) {
                covered = r.endTime();
            }
        }
        if (end.isAfter(covered)) {
            gaps.add(new Instant[] {covered, end});
        }
        for (Instant[] g : gaps) {
            String what = "not covered by an audio recording: " + Console.time(g[0]) + " to " + Console.time(g[1]) + " ("
                    + (g[1].getEpochSecond() - g[0].getEpochSecond()) + " s)";
            bars.add(new Views.Bar(x.applyAsDouble(g[0]), row(3), width(x, g[0], g[1]), 14, "gap", what));
            text.add(capital(what) + ".");
        }
        for (Evidence e : d.evidence()) {
            if (e.utterance() < 0 || e.utterance() >= b.transcript().size()) {
                continue;
            }
            Instant said = start.plusMillis(b.transcript().get(e.utterance()).offsetMs());
            String what = "phrase \"" + e.phrase() + "\" said at " + Console.time(said) + " (utterance " + e.utterance()
                    + ", character " + e.offset() + ")";
            bars.add(new Views.Bar(x.applyAsDouble(said) - 2, row(4), 4, 14, "phrase", what));
            text.add(capital(what) + ".");
        }
        labels.add(new Views.Label(LEFT, 10 + ROWS.length * ROW + 12, Console.time(start), "start"));
        labels.add(new Views.Label(WIDTH - RIGHT, 10 + ROWS.length * ROW + 12, Console.time(end), "end"));
        Views.Chart chart = new Views.Chart(WIDTH, 10 + ROWS.length * ROW + 20, bars, labels, List.of(),
                "Timeline of the conversation: " + String.join(" ", text), List.of(new Views.Legend("recording", "recording"),
                        new Views.Legend("stop", "justified stop"), new Views.Legend("stop-unjustified", "unjustified stop"),
                        new Views.Legend("gap", "not recorded"), new Views.Legend("phrase", "risk phrase")));
        return new Timeline(chart, String.join(" ", text));
    }

    private static double row(int i) {
        return 10 + i * ROW;
    }

    private static double width(java.util.function.ToDoubleFunction<Instant> x, Instant a, Instant b) {
        return Math.max(2, x.applyAsDouble(b) - x.applyAsDouble(a));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
