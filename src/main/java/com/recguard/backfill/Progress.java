package com.recguard.backfill;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: on a terminal one line redrawn in place (carriage return) with the count,
 * the rate and the time left; otherwise (a log file, a pipe) a full line every
 * {@code logEvery} nanoseconds, so a log is not flooded with redraws. No kept progress-bar
 * library is served here (maven-partial.tsv has none), and this needs thirty lines.
 */
final class Progress {

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long logEvery;
    private final int total;
    private final int already;
    private final long started;
    private long lastPrinted;
    private int done;
    private int failed;

    Progress(PrintStream err, boolean terminal, LongSupplier nanos, long logEveryNanos, int total, int already) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.logEvery = logEveryNanos;
        this.total = total;
        this.already = already;
        this.started = nanos.getAsLong();
        this.lastPrinted = started;
        this.done = already;
    }

    synchronized void finished(boolean ok) {
        done++;
        failed += ok ? 0 : 1;
        long now = nanos.getAsLong();
        long every = terminal ? 200_000_000L : logEvery;
        if (now - lastPrinted >= every || done == total) {
            lastPrinted = now;
            err.print(terminal ? "\r" + line(now) : line(now) + "\n");
            err.flush();
        }
    }

    synchronized void end() {
        if (terminal) {
            err.print("\r" + line(nanos.getAsLong()) + "\n");
        }
        err.flush();
    }

    /** Conversations per second done by this run (those of earlier runs do not count). */
    synchronized double rate() {
        double secs = (nanos.getAsLong() - started) / 1e9;
        return secs <= 0 ? 0 : (done - already) / secs;
    }

    String line(long now) {
        double secs = (now - started) / 1e9;
        double rate = secs <= 0 ? 0 : (done - already) / secs;
        String eta = rate <= 0 ? "?" : duration((long) Math.ceil((total - done) / rate));
        int width = 24;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        return String.format(Locale.ROOT, "backfill [%s%s] %d/%d (%.1f%%) %.1f conv/s, %s left%s",
                "#".repeat(filled), " ".repeat(width - filled), done, total, total == 0 ? 100.0 : 100.0 * done / total,
                rate, eta, failed == 0 ? "" : ", " + failed + " failed");
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
