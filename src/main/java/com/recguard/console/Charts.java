package com.recguard.console;

import com.recguard.service.ConsoleQueries;
import com.recguard.service.MonthlyCalibration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's two charts as geometry for a server-rendered SVG: no script, no library, readable
 * without the picture (each bar has a title, each chart a text description and a table beside it).
 */
final class Charts {

    static final int WIDTH = 960;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 34;

    private Charts() {}

    /**
     * A stacked bar per bucket (final, provisional, pending: together the conversations seen), the
     * buckets no sweep window covered shaded behind.
     */
    static Views.Chart completeness(List<ConsoleQueries.Bucket> buckets, List<Boolean> gaps, DateTimeFormatter label, String span) {
        long max = Math.max(1, buckets.stream().mapToLong(ConsoleQueries.Bucket::seen).max().orElse(0));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / buckets.size();
        double barW = Math.max(1, slot * 0.8);
        List<Views.Bar> bars = new ArrayList<>();
        List<Views.Label> labels = new ArrayList<>();
        List<Views.Bar> grid = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(buckets.size() / 12.0));
        long seen = 0;
        long pending = 0;
        for (int i = 0; i < buckets.size(); i++) {
            ConsoleQueries.Bucket b = buckets.get(i);
            double x = LEFT + i * slot;
            String when = label.format(b.start());
            if (gaps.get(i)) {
                bars.add(new Views.Bar(x, TOP, slot, plotH, "gap", when + ": no sweep covered this " + span));
            }
            double y = TOP + plotH;
            for (Object[] part : new Object[][] {{b.decidedFinal(), "final", "decided (final)"},
                    {b.provisional(), "provisional", "provisional"}, {b.pending(), "pending", "seen, not decided yet"}}) {
                long n = (Long) part[0];
                if (n > 0) {
                    double h = plotH * n / max;
                    y -= h;
                    bars.add(new Views.Bar(x + (slot - barW) / 2, y, barW, h, (String) part[1], when + ": " + n + " " + part[2]
                            + " of " + b.seen() + " seen"));
                }
            }
            if (i % every == 0) {
                labels.add(new Views.Label(x + slot / 2, HEIGHT - BOTTOM + 16, when, "middle"));
            }
            seen += b.seen();
            pending += b.pending();
        }
        for (long tick : new long[] {0, max / 2, max}) {
            double y = TOP + plotH - plotH * tick / max;
            grid.add(new Views.Bar(LEFT, y, plotW, 0, "grid", String.valueOf(tick)));
            labels.add(new Views.Label(LEFT - 6, y + 4, String.valueOf(tick), "end"));
        }
        long gapCount = gaps.stream().filter(g -> g).count();
        String description = String.format(Locale.ROOT, "Conversations seen per %s over %d %ss: %d seen, %d not decided yet;"
                + " %d %ss not covered by a completeness sweep are shaded.", span, buckets.size(), span, seen, pending, gapCount, span);
        return new Views.Chart(WIDTH, HEIGHT, bars, labels, grid, description, List.of(new Views.Legend("final", "decided (final)"),
                new Views.Legend("provisional", "provisional"), new Views.Legend("pending", "seen, not decided yet"),
                new Views.Legend("gap", "not covered by a sweep")));
    }

    /** Per month, the mean and the widest spread of the calibration scores (points out of 100). */
    static Views.Chart alignment(List<MonthlyCalibration.Alignment> months) {
        double max = Math.max(1, months.stream().mapToDouble(m -> m.maxSpread() == null ? 0 : m.maxSpread()).max().orElse(0));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / Math.max(1, months.size());
        double barW = Math.min(40, slot * 0.35);
        List<Views.Bar> bars = new ArrayList<>();
        List<Views.Label> labels = new ArrayList<>();
        List<Views.Bar> grid = new ArrayList<>();
        StringBuilder text = new StringBuilder("Score spread between evaluators per month.");
        for (int i = 0; i < months.size(); i++) {
            MonthlyCalibration.Alignment m = months.get(i);
            double x = LEFT + i * slot + slot / 2;
            if (m.meanSpread() != null) {
                double h = plotH * m.meanSpread() / max;
                bars.add(new Views.Bar(x - barW, TOP + plotH - h, barW, h, "mean",
                        String.format(Locale.ROOT, "%s: mean spread %.1f over %d scored", m.month(), m.meanSpread(), m.scored())));
            }
            if (m.maxSpread() != null) {
                double h = plotH * m.maxSpread() / max;
                bars.add(new Views.Bar(x, TOP + plotH - h, barW, h, "widest", m.month() + ": widest spread " + m.maxSpread()));
            }
            labels.add(new Views.Label(x, HEIGHT - BOTTOM + 16, m.month(), "middle"));
            text.append(' ').append(m.month()).append(": ").append(m.scored()).append(" of ").append(m.calibrations())
                    .append(" scored").append(m.meanSpread() == null ? "" : String.format(Locale.ROOT, ", mean %.1f", m.meanSpread()))
                    .append(m.maxSpread() == null ? "" : ", widest " + m.maxSpread()).append('.');
        }
        for (double tick : new double[] {0, max / 2, max}) {
            double y = TOP + plotH - plotH * tick / max;
            grid.add(new Views.Bar(LEFT, y, plotW, 0, "grid", String.valueOf(tick)));
            labels.add(new Views.Label(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.0f", tick), "end"));
        }
        return new Views.Chart(WIDTH, HEIGHT, bars, labels, grid, months.isEmpty() ? "No calibration yet." : text.toString(),
                List.of(new Views.Legend("mean", "mean spread"), new Views.Legend("widest", "widest spread")));
    }
}
