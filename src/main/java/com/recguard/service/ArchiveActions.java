package com.recguard.service;

import com.recguard.archive.ArchiveException;
import com.recguard.archive.ArchiveReport;
import com.recguard.archive.ArchiveRequest;
import com.recguard.archive.Archiver;
import com.recguard.archive.IntegrityException;
import com.recguard.archive.StoreException;
import com.recguard.model.Recording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ARCHIVE and the S3 half of APPLY_LEGAL_HOLD, run from the service's outbox. Both run the same
 * idempotent archive of the conversation (objects written once, the hold set on every object,
 * retention only extended), so whichever of the two runs first does the work and the other
 * finds it done.
 *
 * <p>Concurrent: the outbox runs the archives of several conversations at once (see
 * {@link RecguardService#dispatchDue()}), and they share one {@link Archiver}, whose object pool
 * bounds the requests in flight to the store for all of them.
 */
public final class ArchiveActions implements ActionHandler {

    private final Archiver archiver;
    private final MediaSource media;
    private final Path scratch;

    public ArchiveActions(Archiver archiver, MediaSource media, Path scratch) {
        this.archiver = archiver;
        this.media = media;
        this.scratch = scratch;
    }

    @Override
    public Set<String> types() {
        return Set.of("ARCHIVE", "APPLY_LEGAL_HOLD");
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public void execute(ActionTask task) throws ActionException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(scratch), "media-");
            Map<String, Path> files = new LinkedHashMap<>();
            for (Recording r : task.bundle().recordings()) {
                if (r.fileExists()) {
                    files.put(r.id(), media.download(task.conversationId(), r, dir));
                }
            }
            ArchiveReport report = archiver.archive(new ArchiveRequest(task.bundle(), task.decision(), files, List.of()));
            if (report.status() == ArchiveReport.Status.NOT_ARCHIVED && task.action().type().equals("APPLY_LEGAL_HOLD")
                    && task.decision().actions().stream().anyMatch(a -> a.type().equals("ARCHIVE"))) {
                throw ActionException.retryable("the archive of " + task.conversationId() + " does not exist yet", null, null);
            }
        } catch (IntegrityException e) {
            throw ActionException.permanent("INTEGRITY: " + e.getMessage(), e);
        } catch (ArchiveException e) {
            throw ActionException.permanent(e.getMessage(), e);
        } catch (StoreException e) {
            throw ActionException.retryable(e.getMessage(), null, e);
        } catch (IOException e) {
            throw ActionException.retryable("scratch space: " + e.getMessage(), null, e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
