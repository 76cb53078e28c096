package com.recguard.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A back-fill's state on disk, in its own folder, so that a run killed at any instant (kill -9,
 * power loss) resumes without gathering a finished conversation again.
 *
 * <ul>
 *   <li>{@code listing.tsv}: the interval on its first line, then every listed conversation and
 *       when it ended. Written once the listing job is fully paged, atomically (temp file, fsync,
 *       rename), so it is whole or absent; absent means the next run lists again with a new job
 *       (Genesys expires jobs and their cursors, so a half-paged job is not worth resuming).</li>
 *   <li>{@code done.tsv}: one line per conversation finished (or failed), appended and forced to
 *       disk before the conversation counts as finished. Appending keeps each checkpoint O(1) where
 *       rewriting a whole file per batch would grow with the quarter; a line torn by a kill (no
 *       final newline) is ignored, cut off before the next line is appended, and its conversation
 *       is simply done again.</li>
 * </ul>
 * The last line for a conversation wins: a FAILED one done again later is finished then.
 */
public final class Checkpoint implements AutoCloseable {

    static final String LISTING = "listing.tsv";
    static final String DONE = "done.tsv";

    private final Path dir;
    private FileChannel done;

    public Checkpoint(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The listing of an earlier run for exactly this interval, or null when there is none. */
    public List<ConversationListing.Listed> listing(Instant from, Instant to) throws IOException {
        Path p = dir.resolve(LISTING);
        if (!Files.exists(p)) {
            return null;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String interval = from + "\t" + to;
        if (lines.isEmpty() || !lines.get(0).equals("# " + interval)) {
            throw new IllegalStateException(p + " is the listing of another interval ("
                    + (lines.isEmpty() ? "empty" : lines.get(0).substring(Math.min(2, lines.get(0).length())).replace('\t', '/'))
                    + "), not " + from + "/" + to + "; use another --state folder");
        }
        List<ConversationListing.Listed> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 2) {
                throw new IllegalStateException(p + ":" + (i + 1) + ": expected conversation id and end, tab-separated");
            }
            try {
                out.add(new ConversationListing.Listed(f[0], Instant.parse(f[1])));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(p + ":" + (i + 1) + ": not an instant: " + f[1], e);
            }
        }
        return out;
    }

    /** Keeps a complete listing: whole or not at all. */
    public void saveListing(Instant from, Instant to, List<ConversationListing.Listed> listed) throws IOException {
        StringBuilder b = new StringBuilder("# ").append(from).append('\t').append(to).append('\n');
        for (ConversationListing.Listed l : listed) {
            b.append(l.conversationId()).append('\t').append(l.ended()).append('\n');
        }
        writeAtomically(dir.resolve(LISTING), b.toString());
    }

    /** The conversations finished or failed so far, the last line of each winning, in file order. */
    public Map<String, Outcome> outcomes() throws IOException {
        Path p = dir.resolve(DONE);
        Map<String, Outcome> out = new LinkedHashMap<>();
        if (!Files.exists(p)) {
            return out;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return out; // only a torn first line
        }
        int n = 0;
        for (String line : text.substring(0, end).split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Outcome o = parse(line, p, n);
            out.remove(o.conversationId());
            out.put(o.conversationId(), o);
        }
        return out;
    }

    /** Appends one outcome and forces it to disk before returning. Thread-safe. */
    public synchronized void record(Outcome o) throws IOException {
        if (done == null) {
            Path p = dir.resolve(DONE);
            if (Files.exists(p)) {
                // drop a line torn by a kill: its conversation was not finished and is done again
                byte[] all = Files.readAllBytes(p);
                int keep = all.length;
                while (keep > 0 && all[keep - 1] != '\n') {
                    keep--;
                }
                if (keep < all.length) {
                    try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        c.truncate(keep);
                        c.force(true);
                    }
                }
            }
            done = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        ByteBuffer line = ByteBuffer.wrap(format(o).getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            done.write(line);
        }
        done.force(false);
    }

    static String format(Outcome o) {
        return String.join("\t", o.conversationId(), o.day().toString(), o.status().name(),
                o.recording() == null ? "" : o.recording(), o.archive() ? "1" : "0", o.hold() ? "1" : "0",
                String.join(",", o.violations()), o.failure() == null ? "" : o.failure().replaceAll("[\\t\\r\\n]+", " ")) + "\n";
    }

    static Outcome parse(String line, Path file, int lineNo) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            throw new IllegalStateException(file + ":" + lineNo + ": expected 8 tab-separated fields, found " + f.length);
        }
        try {
            return new Outcome(f[0], LocalDate.parse(f[1]), Outcome.Status.valueOf(f[2]), f[3].isEmpty() ? null : f[3],
                    f[4].equals("1"), f[5].equals("1"), f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(",")),
                    f[7].isEmpty() ? null : f[7]);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
    }

    /** Temp file in the same folder, forced, then renamed over the target: whole or not at all. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public synchronized void close() {
        if (done != null) {
            try {
                done.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            done = null;
        }
    }
}
