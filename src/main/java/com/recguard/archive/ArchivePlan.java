package com.recguard.archive;

import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.model.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the ARCHIVE and APPLY_LEGAL_HOLD actions of one decision mean for the bucket: where, which
 * objects under which keys, locked until when, held or not, and the manifest that will list
 * them. Pure: building a plan reads the media files (to hash them) and nothing else.
 */
public final class ArchivePlan {

    /** One object to write, before the manifest. */
    public record Planned(String kind, String key, String recordingId, Content content) {}

    private final Decision decision;
    private final Bundle bundle;
    private final List<String> labels;
    private final boolean archive;
    private final Location location;
    private final LocalDate retainUntil;
    private final List<String> holdReasons;
    private final List<Planned> objects;

    private ArchivePlan(ArchiveRequest req, boolean archive, Location location, LocalDate retainUntil,
                        List<String> holdReasons, List<Planned> objects) {
        this.decision = req.decision();
        this.bundle = req.bundle();
        this.labels = req.labels().stream().sorted().distinct().toList();
        this.archive = archive;
        this.location = location;
        this.retainUntil = retainUntil;
        this.holdReasons = holdReasons;
        this.objects = objects;
    }

    public static ArchivePlan of(ArchiveRequest req, Buckets buckets, ArchiveCodec codec) {
        Decision d = req.decision();
        String cid = d.conversationId();
        Action archiveAction = action(d, "ARCHIVE");
        Action holdAction = action(d, "APPLY_LEGAL_HOLD");
        List<String> reasons = holdAction == null ? List.of() : reasons(d, holdAction);
        String region = archiveAction != null && archiveAction.params().get("region") != null
                ? archiveAction.params().get("region") : d.archiveRegion();
        LocalDate until = d.retainUntil();
        if (archiveAction != null && archiveAction.params().get("retainUntil") != null) {
            until = LocalDate.parse(archiveAction.params().get("retainUntil"));
        }
        if (archiveAction == null) {
            if (!req.media().isEmpty()) {
                throw new ArchiveException(cid + ": the decision has no ARCHIVE action, yet media was given; nothing was"
                        + " archived");
            }
            Location at = region == null ? null : buckets.of(region);
            return new ArchivePlan(req, false, at, until, reasons, List.of());
        }
        if (region == null || until == null) {
            throw new ArchiveException(cid + ": the ARCHIVE action names no region or retainUntil; nothing was archived");
        }
        return new ArchivePlan(req, true, buckets.of(region), until, reasons, objects(req, codec));
    }

    private static List<Planned> objects(ArchiveRequest req, ArchiveCodec codec) {
        Bundle b = req.bundle();
        String cid = req.decision().conversationId();
        Map<String, Path> media = new TreeMap<>(req.media());
        List<Planned> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Recording r : b.recordings()) {
            if (r.id() == null || r.id().isBlank()) {
                problems.add("a recording has no id");
                continue;
            }
            if (!seen.add(r.id())) {
                problems.add("recording " + r.id() + " is listed twice");
                continue;
            }
            Path file = media.remove(r.id());
            if (!r.fileExists()) {
                if (file != null) {
                    problems.add("recording " + r.id() + " is " + r.fileState() + ", yet --media was given for it");
                }
                continue;
            }
            if (file == null) {
                problems.add("recording " + r.id() + " is " + r.fileState() + " but no media was given for it (--media "
                        + r.id() + "=FILE)");
            } else if (!Files.isRegularFile(file)) {
                problems.add("media of recording " + r.id() + ": " + file + " is not a readable file");
            } else {
                out.add(new Planned("media", Keys.media(cid, r.id()), r.id(), Content.ofFile(file, contentType(file))));
            }
        }
        media.keySet().forEach(id -> problems.add("--media names recording " + id + ", which the bundle does not list"));
        if (!problems.isEmpty()) {
            throw new ArchiveException(cid + ": " + String.join("; ", problems) + "; nothing was archived");
        }
        if (b.ivr().captured() || b.ivr().flowName() != null) {
            out.add(new Planned("ivr", Keys.ivr(cid), null,
                    Content.ofBytes(codec.ivr(cid, b.ivr()), "application/json")));
        }
        if (!b.transcript().isEmpty()) {
            out.add(new Planned("transcript", Keys.transcript(cid), null,
                    Content.ofBytes(codec.transcript(cid, b.transcript()), "application/json")));
        }
        // Always: the evidence the decision was made from, under the same lock and in the manifest,
        // so a re-evaluation years later needs no Genesys (which drops pause annotations once archived).
        out.add(new Planned("bundle", Keys.bundle(cid), null, Content.ofBytes(codec.bundle(b), "application/json")));
        return out;
    }

    static String contentType(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return switch (dot < 0 ? "" : n.substring(dot + 1)) {
            case "wav" -> "audio/wav";
            case "mp3" -> "audio/mpeg";
            case "ogg", "opus" -> "audio/ogg";
            case "webm" -> "audio/webm";
            case "mp4", "m4a" -> "audio/mp4";
            case "json" -> "application/json";
            default -> "application/octet-stream";
        };
    }

    private static Action action(Decision d, String type) {
        return d.actions().stream().filter(a -> type.equals(a.type())).findFirst().orElse(null);
    }

    private static List<String> reasons(Decision d, Action hold) {
        TreeSet<String> r = new TreeSet<>(d.holdReasons());
        String p = hold.params().get("reasons");
        if (r.isEmpty() && p != null && !p.isBlank()) {
            r.addAll(List.of(p.split(",")));
        }
        if (r.isEmpty()) {
            r.add("APPLY_LEGAL_HOLD");
        }
        return List.copyOf(r);
    }

    public String conversationId() {
        return decision.conversationId();
    }

    /** True when the decision has an ARCHIVE action. */
    public boolean archives() {
        return archive;
    }

    /** True when the decision has an APPLY_LEGAL_HOLD action. */
    public boolean holds() {
        return !holdReasons.isEmpty();
    }

    public List<String> holdReasons() {
        return holdReasons;
    }

    /** Null only when the decision has no region at all. */
    public Location location() {
        return location;
    }

    public LocalDate retainUntil() {
        return retainUntil;
    }

    public Protection protection() {
        return new Protection(Protection.lockInstant(retainUntil), holds());
    }

    public List<Planned> objects() {
        return objects;
    }

    /** The manifest listing {@code objects}, as written once they are all in place. */
    public Manifest manifest() {
        var c = bundle.conversation();
        List<Manifest.Party> parties = new ArrayList<>();
        TreeSet<String> tx = new TreeSet<>();
        for (Participant p : c.participants()) {
            parties.add(new Manifest.Party(p.participantId(), p.purpose(), p.userId(), p.attributes()));
            p.attributes().forEach((k, v) -> {
                String key = k.toLowerCase(Locale.ROOT);
                if ((key.equals("transactionid") || key.equals("transactionids")) && v != null) {
                    for (String t : v.split(",")) {
                        if (!t.isBlank()) {
                            tx.add(t.trim());
                        }
                    }
                }
            });
        }
        List<Manifest.RecordingInfo> recs = bundle.recordings().stream()
                .map(r -> new Manifest.RecordingInfo(r.id(), r.media(), r.fileState(), r.startTime(), r.endTime(), r.region()))
                .toList();
        Duration duration = c.conversationStart() != null && c.conversationEnd() != null
                ? Duration.between(c.conversationStart(), c.conversationEnd()) : null;
        List<Manifest.Entry> entries = objects.stream()
                .map(o -> new Manifest.Entry(o.kind(), o.key(), o.recordingId(), o.content().contentType(),
                        o.content().size(), o.content().sha256Hex()))
                .toList();
        return new Manifest(Manifest.FORMAT, decision.conversationId(), c.conversationStart(), c.conversationEnd(),
                duration, c.originatingDirection(), parties, labels, List.copyOf(tx), recs,
                decision.recording(), decision.consent(), decision.residencyZone(), location.region(),
                holds(), holdReasons, retainUntil, Protection.MODE, Protection.lockInstant(retainUntil),
                decision.rulePack(), decision.firedRules(),
                decision.violations().stream().map(Violation::code).distinct().sorted().toList(),
                bundle.evaluatedAt(), entries);
    }
}
