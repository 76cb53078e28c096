package com.recguard.adapter.file;

import com.recguard.json.BundleFormatException;
import com.recguard.json.HoldRegisterJson;
import com.recguard.model.LegalHold;
import com.recguard.service.HoldRegister;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal-hold register: a JSON file the legal team edits ({@code {"legalHolds": [...]}}, each
 * hold as in POLICY.md section 1), re-read when it changes. Changes made through the service are
 * written atomically and each is appended to {@code <file>.audit.jsonl} with who, why and when.
 */
public final class HoldRegisterFile implements HoldRegister {

    private final Path file;
    private final Path audit;
    private final Clock clock;
    private long loadedStamp = -1;
    private List<LegalHold> holds = List.of();

    public HoldRegisterFile(Path file, Clock clock) {
        this.file = file;
        this.audit = file.resolveSibling(file.getFileName() + ".audit.jsonl");
        this.clock = clock;
    }

    @Override
    public synchronized List<LegalHold> inForce() {
        long stamp = file.toFile().lastModified() * 31 + file.toFile().length();
        if (stamp != loadedStamp) {
            try {
                holds = Files.exists(file) ? read() : List.of();
                loadedStamp = stamp;
            } catch (IOException | BundleFormatException e) {
                // Keep the holds already loaded: a half-saved edit must not release every hold.
                org.slf4j.LoggerFactory.getLogger(HoldRegisterFile.class)
                        .error("hold register {} unreadable, keeping the {} holds loaded before: {}", file, holds.size(), e.getMessage());
            }
        }
        return holds;
    }

    private List<LegalHold> read() throws IOException, BundleFormatException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return HoldRegisterJson.read(json);
    }

    @Override
    public synchronized void put(LegalHold hold, String who, String why) throws IOException {
        List<LegalHold> next = new ArrayList<>(inForce());
        next.removeIf(h -> h.id().equals(hold.id()));
        next.add(hold);
        save(next);
        auditLine("put", hold.id(), who, why);
    }

    @Override
    public synchronized boolean release(String holdId, String who, String why) throws IOException {
        List<LegalHold> next = new ArrayList<>(inForce());
        if (!next.removeIf(h -> h.id().equals(holdId))) {
            return false;
        }
        save(next);
        auditLine("release", holdId, who, why);
        return true;
    }

    private void save(List<LegalHold> next) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, HoldRegisterJson.write(next), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        holds = List.copyOf(next);
        loadedStamp = file.toFile().lastModified() * 31 + file.toFile().length();
    }

    private void auditLine(String op, String holdId, String who, String why) throws IOException {
        String line = HoldRegisterJson.auditLine(clock.instant(), op, holdId, who, why);
        Files.writeString(audit, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The audit trail, oldest first; a line that cannot be read is skipped with a warning naming it. */
    @Override
    public synchronized List<Change> changes() throws IOException {
        if (!Files.exists(audit)) {
            return List.of();
        }
        List<Change> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                HoldRegisterJson.AuditLine a = HoldRegisterJson.readAuditLine(lines.get(i));
                out.add(new Change(a.at(), a.op(), a.holdId(), a.who(), a.why()));
            } catch (BundleFormatException e) {
                org.slf4j.LoggerFactory.getLogger(HoldRegisterFile.class)
                        .warn("{}:{}: not an audit line: {}", audit, i + 1, e.getMessage());
            }
        }
        return out;
    }
}
