package com.recguard.adapter.file;

import com.recguard.audit.LogEntry;
import com.recguard.json.BundleFormatException;
import com.recguard.json.LogEntryJson;
import com.recguard.service.DecisionLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision log on disk: one JSON object per line, appended and forced to disk before the
 * append returns. Appends are serialised by this object; one writer per file.
 *
 * <p>The service keeps the chain in its database, in each decision's transaction, and exports it
 * here after the commit with {@link #appendAfter}: an entry whose {@code seq} the file already has
 * is skipped, so an export repeated after a crash or a retry adds nothing. Opening reads only the
 * file's last line.
 */
public final class DecisionLogFile implements DecisionLog {

    private final Path path;
    private LogEntry last;

    public DecisionLogFile(Path path) throws IOException, BundleFormatException {
        this.path = path;
        String tail = Files.exists(path) ? lastLine(path) : null;
        this.last = tail == null ? null : LogEntryJson.parse(tail, path + ": last line");
    }

    /** The last non-blank line, read backwards from the end in small blocks (never the whole file). */
    static String lastLine(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long end = ch.size();
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            byte[] block = new byte[8192];
            long pos = end;
            java.util.ArrayDeque<byte[]> blocks = new java.util.ArrayDeque<>();
            boolean seenContent = false;
            while (pos > 0) {
                int n = (int) Math.min(block.length, pos);
                pos -= n;
                ByteBuffer buf = ByteBuffer.allocate(n);
                while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
                    // read the whole block
                }
                byte[] b = buf.array();
                int cut = -1;
                for (int i = n - 1; i >= 0; i--) {
                    if (b[i] == '\n' || b[i] == '\r') {
                        if (seenContent) {
                            cut = i;
                            break;
                        }
                    } else if (b[i] != ' ' && b[i] != '\t') {
                        seenContent = true;
                    }
                }
                if (cut >= 0) {
                    blocks.addFirst(java.util.Arrays.copyOfRange(b, cut + 1, n));
                    break;
                }
                blocks.addFirst(b);
            }
            for (byte[] b : blocks) {
                line.write(b);
            }
            String s = line.toString(StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        }
    }

    /** Appends, in order, the entries the file does not have yet (seq after its last); returns how many. */
    @Override
    public synchronized int appendAfter(List<LogEntry> entries) throws IOException {
        long have = last == null ? 0 : last.seq();
        StringBuilder lines = new StringBuilder();
        LogEntry newest = last;
        int n = 0;
        for (LogEntry e : entries) {
            if (e.seq() > (newest == null ? have : newest.seq())) {
                lines.append(LogEntryJson.write(e)).append('\n');
                newest = e;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        last = newest;
        return n;
    }

    /** The last entry written, or null for an empty log. */
    @Override
    public synchronized LogEntry last() {
        return last;
    }

    public synchronized LogEntry append(String input, String rulePack, List<String> firedRules, String decision) throws IOException {
        LogEntry e = LogEntry.next(last, input, rulePack, firedRules, decision);
        byte[] line = (LogEntryJson.write(e) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
        }
        last = e;
        return e;
    }

    public static List<LogEntry> read(Path path) throws IOException, BundleFormatException {
        List<LogEntry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            out.add(LogEntryJson.parse(lines.get(i), path + ":" + (i + 1)));
        }
        return out;
    }
}
