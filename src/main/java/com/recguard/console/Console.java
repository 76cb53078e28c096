package com.recguard.console;

import com.recguard.archive.Keys;
import com.recguard.audit.LogEntry;
import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.json.DecisionReader;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.Evidence;
import com.recguard.model.LegalHold;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Utterance;
import com.recguard.rules.Explainer;
import com.recguard.rules.RuleExplanation;
import com.recguard.rules.RuleInfo;
import com.recguard.rules.RulePackException;
import com.recguard.service.ActionException;
import com.recguard.service.CompletenessSweep;
import com.recguard.service.ConsoleQueries;
import com.recguard.service.DecisionStore;
import com.recguard.service.HoldRegister;
import com.recguard.service.Journal;
import com.recguard.service.MonthlyCalibration;
import com.recguard.service.Outbox;
import com.recguard.service.RecguardService;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only console for compliance officers and auditors: each method gathers what one page
 * shows from the service's ports and renders it with the precompiled templates (src/main/jte).
 * It changes nothing. Access (sign-in, sessions) is the HTTP shell's business; this class is told
 * who is signed in only to show it.
 */
public final class Console {

    /** Rows per page of the violation list. */
    public static final int PAGE = 50;
    /** Hours in the hourly completeness view, days in the daily one. */
    static final int HOURS = 48;
    static final int DAYS = 31;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final RecguardService service;
    private final ConsoleQueries queries;
    private final CompletenessSweep sweep;
    private final MonthlyCalibration calibration;
    private final Clock clock;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final String css;
    private Explainer explainer;
    private String explainerPack;

    /**
     * @param sweep       the completeness sweep whose windows mark the gaps (null: none runs)
     * @param calibration the monthly calibration (null: the QA page says none is configured)
     */
    public Console(RecguardService service, ConsoleQueries queries, CompletenessSweep sweep, MonthlyCalibration calibration,
                   Clock clock) {
        this.service = service;
        this.queries = queries;
        this.sweep = sweep;
        this.calibration = calibration;
        this.clock = clock;
        this.css = resource("/console/console.css");
    }

    private static String resource(String name) {
        try (InputStream in = Console.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who is signed in, as the pages show it. */
    public record Viewer(String name, String role) {}

    private String render(String template, Object view) {
        StringOutput out = new StringOutput();
        templates.render(template, view, out);
        return out.toString();
    }

    private Views.Frame frame(String title, String active, Viewer who) {
        return new Views.Frame(title, active, who == null ? null : who.name(), who == null ? null : who.role(), css);
    }

    // ---- sign-in

    /** The sign-in form; {@code next} is where to go after (a console path). */
    public String signIn(String error, String next) {
        return render("signin.jte", new Views.SignIn(frame("Sign in", "", null), error, next));
    }

    /** A page that only says something (a conversation without a decision, say). */
    public String notFound(Viewer who, String message) {
        return render("message.jte", new Views.Message(frame("Not found", "", who), message));
    }

    // ---- completeness

    /**
     * Completeness per hour (the last 48) or per day (the last 31) up to {@code end}: a stacked
     * bar per bucket (final, provisional, pending), buckets no sweep window covered highlighted,
     * and the same numbers as a table.
     */
    public String completeness(Viewer who, ConsoleQueries.Span span, Instant end) {
        Instant now = clock.instant();
        Instant to = (end == null || end.isAfter(now) ? now : end);
        Instant toBucket = Instant.ofEpochMilli((to.toEpochMilli() / span.millis + 1) * span.millis);
        int count = span == ConsoleQueries.Span.HOUR ? HOURS : DAYS;
        Instant from = toBucket.minusMillis(span.millis * count);
        Map<Instant, ConsoleQueries.Bucket> found = new LinkedHashMap<>();
        for (ConsoleQueries.Bucket b : queries.completeness(span, from, toBucket)) {
            found.put(b.start(), b);
        }
        List<CompletenessSweep.Report> windows = sweep == null ? List.of() : sweep.recent();
        List<Views.CompletenessRow> rows = new ArrayList<>();
        List<ConsoleQueries.Bucket> all = new ArrayList<>();
        List<Boolean> gaps = new ArrayList<>();
        long gapCount = 0;
        for (int i = 0; i < count; i++) {
            Instant start = from.plusMillis(span.millis * i);
            Instant stop = start.plusMillis(span.millis);
            ConsoleQueries.Bucket b = found.getOrDefault(start, new ConsoleQueries.Bucket(start, 0, 0, 0, 0, 0, 0, 0));
            boolean gap = gap(windows, start, stop);
            gapCount += gap ? 1 : 0;
            all.add(b);
            gaps.add(gap);
            rows.add(new Views.CompletenessRow((span == ConsoleQueries.Span.HOUR ? HOUR : DAY).format(start), b.seen(),
                    b.decidedFinal(), b.provisional(), b.archived(), b.exempt(), b.withViolations(), b.pending(), gap));
        }
        String spanName = span.name().toLowerCase(Locale.ROOT);
        String earlier = "/console?span=" + spanName + "&end=" + from.minusMillis(1);
        String later = toBucket.isBefore(now) ? "/console?span=" + spanName + "&end=" + toBucket.plusMillis(span.millis * count - 1) : null;
        String note = sweep == null ? "No completeness sweep runs in this service, so every period is marked as not swept."
                : windows.isEmpty() ? "The completeness sweep has not run since the service started; every period is marked as not swept."
                : "The sweep ran " + windows.size() + " time(s) since the service started; the last window ended "
                        + MINUTE.format(windows.get(0).to()) + " UTC.";
        Views.Chart chart = Charts.completeness(all, gaps, span == ConsoleQueries.Span.HOUR ? HOUR : DAY, spanName);
        return render("completeness.jte", new Views.Completeness(frame("Completeness", "completeness", who), spanName,
                MINUTE.format(from), MINUTE.format(toBucket), chart, rows, earlier, later, note, gapCount));
    }

    /**
     * Whether [start, stop) is a gap of the sweep: time before the last sweep's end that no sweep
     * window covered. Time after the last sweep is not a gap yet (the next sweep is not due); with
     * no sweep at all, every period is one.
     */
    private static boolean gap(List<CompletenessSweep.Report> windows, Instant start, Instant stop) {
        if (windows.isEmpty()) {
            return true;
        }
        Instant lastEnd = windows.stream().map(CompletenessSweep.Report::to).max(Comparator.naturalOrder()).orElseThrow();
        if (!start.isBefore(lastEnd)) {
            return false;
        }
        return !covered(windows, start, stop.isAfter(lastEnd) ? lastEnd : stop);
    }

    /** Whether the sweep windows together cover [start, stop). */
    private static boolean covered(List<CompletenessSweep.Report> windows, Instant start, Instant stop) {
        List<CompletenessSweep.Report> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(CompletenessSweep.Report::from));
        Instant reached = start;
        for (CompletenessSweep.Report w : sorted) {
            if (w.from().isAfter(reached)) {
                continue;
            }
            if (w.to().isAfter(reached)) {
                reached = w.to();
            }
        }
        return !reached.isBefore(stop);
    }

    // ---- violations

    /** The open violations (each conversation's latest decision), filtered and paged in the database. */
    public String violations(Viewer who, String code, String zone, String agent, String from, String to, int page) {
        String error = null;
        LocalDate fromDate = null;
        LocalDate toDate = null;
        try {
            fromDate = blank(from) ? null : LocalDate.parse(from.strip());
            toDate = blank(to) ? null : LocalDate.parse(to.strip());
        } catch (java.time.format.DateTimeParseException e) {
            error = "Dates are written yyyy-mm-dd, for example 2026-04-02; the date filter was left out.";
            fromDate = null;
            toDate = null;
        }
        int p = Math.max(page, 1);
        List<ConsoleQueries.OpenViolation> found = queries.openViolations(
                new ConsoleQueries.ViolationFilter(code, zone, agent, fromDate, toDate), (p - 1) * PAGE, PAGE + 1);
        List<Views.ViolationRow> rows = new ArrayList<>();
        for (ConsoleQueries.OpenViolation v : found.subList(0, Math.min(PAGE, found.size()))) {
            rows.add(new Views.ViolationRow(v.conversationId(), conversationLink(v.conversationId()), v.code(), v.rule(), v.detail(),
                    v.zone(), v.agents(), v.conversationStart() == null ? "" : MINUTE.format(v.conversationStart())));
        }
        String query = "code=" + enc(code) + "&zone=" + enc(zone) + "&agent=" + enc(agent) + "&from=" + enc(from) + "&to=" + enc(to);
        String previous = p > 1 ? "/console/violations?" + query + "&page=" + (p - 1) : null;
        String next = found.size() > PAGE ? "/console/violations?" + query + "&page=" + (p + 1) : null;
        return render("violations.jte", new Views.Violations(frame("Open violations", "violations", who), nz(code), nz(zone),
                nz(agent), nz(from), nz(to), queries.openViolationCodes(), queries.openViolationZones(), rows, previous, next, p,
                error));
    }

    static String conversationLink(String conversationId) {
        return "/console/conversations/" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- one conversation

    /**
     * A conversation's latest decision explained the way {@code recguard explain} does, its
     * timeline, archive objects, actions and decision-log entry; null when it has no decision.
     */
    public String conversation(Viewer who, String conversationId) {
        DecisionStore.StoredDecision stored = service.store().latest(conversationId);
        if (stored == null) {
            return null;
        }
        Decision d;
        Bundle bundle;
        try {
            d = DecisionReader.read(stored.decisionJson());
            bundle = BundleReader.read(stored.bundleJson());
        } catch (BundleFormatException e) {
            throw new IllegalStateException("the stored decision of " + conversationId + " cannot be read: " + e.getMessage(), e);
        }
        Evaluator evaluator = service.packs().evaluator();
        List<RuleExplanation> explained = explainer(evaluator).explain(evaluator.facts(bundle), new HashSet<>(d.firedRules()));
        List<Views.FiredRule> fired = new ArrayList<>();
        List<Views.NotFiredRule> notFired = new ArrayList<>();
        for (RuleExplanation e : explained) {
            if (e.fired()) {
                fired.add(new Views.FiredRule(e.rule().id(), e.rule().name(), e.rule().area(), e.clause(),
                        e.matches().stream().flatMap(List::stream).distinct().map(RuleExplanation::describe).toList()));
            } else {
                notFired.add(new Views.NotFiredRule(e.rule().id(), e.rule().name(), e.rule().area(), e.failedAt() > 0
                        ? "condition " + e.failedAt() + " (line " + e.line() + ") does not hold: " + e.condition().replaceAll("\\s+", " ")
                        : "every condition held, but its conclusion was withdrawn or equals another rule's"));
            }
        }
        Instant start = bundle.conversation().conversationStart();
        List<Views.EvidenceRow> evidence = new ArrayList<>();
        for (Evidence ev : d.evidence()) {
            Utterance u = ev.utterance() >= 0 && ev.utterance() < bundle.transcript().size() ? bundle.transcript().get(ev.utterance()) : null;
            evidence.add(new Views.EvidenceRow(ev.reason(), ev.phrase(), ev.utterance(), ev.offset(), ev.snippet(),
                    u == null || start == null ? "" : SECOND.format(start.plusMillis(u.offsetMs())) + " (" + u.purpose() + ")"));
        }
        List<Views.Fact> facts = List.of(
                new Views.Fact("Recording", d.recording()),
                new Views.Fact("Consent", d.consent()),
                new Views.Fact("Residency zone", d.residencyZone()),
                new Views.Fact("Archive region", d.archiveRegion()),
                new Views.Fact("Legal hold", d.legalHold() ? "yes: " + String.join(", ", d.holdReasons()) : "no"),
                new Views.Fact("Retained until", String.valueOf(d.retainUntil())),
                new Views.Fact("Decision", d.isFinal() ? "final" : "provisional (recordings may still be uploading)"),
                new Views.Fact("Conversation", start == null ? "" : MINUTE.format(start) + " to "
                        + (bundle.conversation().conversationEnd() == null ? "?" : MINUTE.format(bundle.conversation().conversationEnd()))
                        + " UTC"),
                new Views.Fact("Decided by rule pack", d.rulePack()));
        List<String> violations = d.violations().stream().map(v -> v.code() + " (" + v.rule() + "): " + v.detail()).toList();
        List<ConsoleQueries.ActionState> actions = queries.actionsOf(conversationId);
        List<Views.ActionRow> actionRows = actions.stream().map(a -> new Views.ActionRow(a.id(), a.type(), a.handler(), a.status(),
                a.attempts(), a.lastError(), MINUTE.format(a.updatedAt()))).toList();
        LogEntry log = queries.latestLogEntry(conversationId);
        Views.LogRow logRow = log == null ? null : new Views.LogRow(log.seq(), log.hash(), log.prevHash(), log.inputHash(),
                log.rulePack(), String.join(", ", log.firedRules()));
        String packNote = evaluator.pack().sha256().equals(d.rulePack()) ? null
                : "The rules below are explained with the pack in force now (" + evaluator.pack().sha256()
                        + "); the decision was made by " + d.rulePack() + ", so a rule may read differently than it did then.";
        Timeline t = Timeline.of(bundle, d);
        return render("conversation.jte", new Views.Conversation(frame("Conversation " + conversationId, "violations", who),
                conversationId, facts, violations, fired, notFired, evidence, t.chart(), t.text(),
                archiveObjects(conversationId, bundle, d), archiveState(d, actions), actionRows, logRow, packNote,
                "/evidence?conversation=" + enc(conversationId)));
    }

    private synchronized Explainer explainer(Evaluator evaluator) {
        String sha = evaluator.pack().sha256();
        if (explainer == null || !sha.equals(explainerPack)) {
            try {
                explainer = Explainer.of(evaluator.pack());
                explainerPack = sha;
            } catch (RulePackException e) {
                throw new IllegalStateException("the pack in force cannot be explained: " + String.join("; ", e.problems()), e);
            }
        }
        return explainer;
    }


    /** The objects the archive holds (or will hold) for the conversation, as docs/archive.md keys them. */
    private static List<Views.ArchiveObject> archiveObjects(String id, Bundle b, Decision d) {
        boolean archive = d.actions().stream().anyMatch(a -> a.type().equals("ARCHIVE"));
        if (!archive) {
            return List.of();
        }
        String lock = d.retainUntil() == null ? "none" : "COMPLIANCE until " + d.retainUntil();
        String hold = d.legalHold() ? "ON" : "OFF";
        List<Views.ArchiveObject> out = new ArrayList<>();
        for (Recording r : b.recordings()) {
            if (r.fileExists()) {
                out.add(new Views.ArchiveObject(Keys.media(id, r.id()), r.media() + " recording " + r.id(), lock, hold));
            }
        }
        if (!b.transcript().isEmpty()) {
            out.add(new Views.ArchiveObject(Keys.transcript(id), "transcript", lock, hold));
        }
        if (!b.ivr().equals(com.recguard.model.Ivr.NONE)) {
            out.add(new Views.ArchiveObject(Keys.ivr(id), "IVR capture", lock, hold));
        }
        out.add(new Views.ArchiveObject(Keys.bundle(id), "the facts decided on (bundle)", lock, hold));
        out.add(new Views.ArchiveObject(Keys.manifest(id), "manifest (hashes of the above)", lock, hold));
        return out;
    }

    private static String archiveState(Decision d, List<ConsoleQueries.ActionState> actions) {
        if (d.actions().stream().noneMatch(a -> a.type().equals("ARCHIVE"))) {
            return "This decision does not archive the conversation.";
        }
        ConsoleQueries.ActionState archive = actions.stream().filter(a -> a.type().equals("ARCHIVE")).reduce((a, b) -> b).orElse(null);
        String region = " in region " + d.archiveRegion();
        if (archive == null) {
            return "Not queued yet" + region + ".";
        }
        return switch (archive.status()) {
            case "DONE" -> "Archived" + region + " (action " + archive.id() + " done " + MINUTE.format(archive.updatedAt())
                    + " UTC). Lock and hold as listed were set on every object; recguard verify re-reads them from the bucket.";
            case "DEAD" -> "NOT archived" + region + ": the archive action failed for good (" + archive.lastError()
                    + ") and waits on the dead-letter list.";
            default -> "Archiving" + region + " is pending (attempt " + archive.attempts() + ").";
        };
    }

    // ---- holds

    /** The holds in force, who added each and why (the register's audit trail), and how many conversations each holds. */
    public String holds(Viewer who) {
        HoldRegister register = service.holds();
        String error = null;
        List<HoldRegister.Change> changes = List.of();
        try {
            changes = register.changes();
        } catch (IOException e) {
            error = "The hold register's audit trail cannot be read (" + e.getMessage() + "); who added each hold is not shown.";
        }
        List<Views.HoldRow> rows = new ArrayList<>();
        for (LegalHold h : register.inForce()) {
            HoldRegister.Change added = changes.stream().filter(c -> h.id().equals(c.holdId()) && "put".equals(c.op()))
                    .reduce((a, b) -> b).orElse(null);
            rows.add(new Views.HoldRow(h.id(), criteria(h), added == null ? "edited in the register file" : added.who(),
                    added == null ? "" : MINUTE.format(added.at()), added == null ? "" : added.why(), queries.heldBy("HOLD:" + h.id())));
        }
        return render("holds.jte", new Views.Holds(frame("Legal holds", "holds", who), rows, error));
    }

    private static String criteria(LegalHold h) {
        List<String> parts = new ArrayList<>();
        if (h.namesUsers()) {
            parts.add("users " + String.join(", ", h.userIds()));
        }
        if (h.namesDates()) {
            parts.add("conversations from " + (h.from() == null ? "any date" : h.from()) + " to " + (h.to() == null ? "open end" : h.to()));
        }
        if (h.namesTerms()) {
            parts.add("terms \"" + String.join("\", \"", h.terms()) + "\"");
        }
        return parts.isEmpty() ? "(names nothing)" : String.join("; ", parts);
    }

    // ---- failures

    /** Failed events and dead letters, each list paged by id (keyset). */
    public String failures(Viewer who, long eventsAfter, long deadAfter) {
        List<Journal.Event> events = service.store().events(Journal.EventStatus.FAILED, eventsAfter, PAGE + 1);
        List<Outbox.Item> dead = service.store().items(Outbox.ItemStatus.DEAD, deadAfter, PAGE + 1);
        List<Views.EventRow> eventRows = events.subList(0, Math.min(PAGE, events.size())).stream()
                .map(e -> new Views.EventRow(e.id(), e.source(), e.topic(), e.conversationId(), e.reason(), MINUTE.format(e.receivedAt()),
                        e.attempts())).toList();
        List<Views.DeadRow> deadRows = dead.subList(0, Math.min(PAGE, dead.size())).stream()
                .map(i -> new Views.DeadRow(i.id(), i.conversationId(), i.type(), i.handler(), i.attempts(), i.lastError(),
                        MINUTE.format(i.nextAttemptAt()))).toList();
        String moreEvents = events.size() > PAGE ? "/console/failures?eventsAfter=" + eventRows.get(eventRows.size() - 1).id()
                + "&deadAfter=" + deadAfter : null;
        String moreDead = dead.size() > PAGE ? "/console/failures?eventsAfter=" + eventsAfter + "&deadAfter="
                + deadRows.get(deadRows.size() - 1).id() : null;
        return render("failures.jte", new Views.Failures(frame("Failures", "failures", who), eventRows, moreEvents, deadRows, moreDead));
    }

    // ---- rule pack

    /** The rule pack in force (its sha256 and rules) and the last edit that was refused. */
    public String rules(Viewer who) {
        Evaluator evaluator = service.packs().evaluator();
        List<Views.RuleRow> rules = new ArrayList<>();
        for (RuleInfo r : evaluator.pack().rules().values()) {
            rules.add(new Views.RuleRow(r.id(), r.name(), r.area(), r.file()));
        }
        rules.sort(Comparator.comparing(Views.RuleRow::area).thenComparing(Views.RuleRow::id));
        return render("rules.jte", new Views.Rules(frame("Rule pack", "rules", who), evaluator.pack().sha256(),
                service.packs().lastRejection(), rules));
    }

    // ---- QA alignment

    /** Evaluator alignment by month: how far the calibration scores spread (a chart and a table). */
    public String qa(Viewer who) {
        String error = null;
        List<MonthlyCalibration.Alignment> months = List.of();
        if (calibration == null) {
            error = "No monthly calibration is configured in this service.";
        } else {
            try {
                months = calibration.alignment();
            } catch (ActionException e) {
                error = "Genesys could not be asked for the calibration scores: " + e.getMessage();
            }
        }
        List<Views.MonthRow> rows = months.stream().map(m -> new Views.MonthRow(m.month(), m.calibrations(), m.scored(),
                m.meanSpread() == null ? "" : String.format(Locale.ROOT, "%.1f", m.meanSpread()),
                m.maxSpread() == null ? "" : String.valueOf(m.maxSpread()))).toList();
        return render("qa.jte", new Views.Qa(frame("QA alignment", "qa", who), Charts.alignment(months), rows, error));
    }

    static String describeStop(RecordingStop s) {
        return (s.justified() ? "justified stop (" + s.justification() + ")" : "UNJUSTIFIED stop") + " by " + s.by() + ", "
                + SECOND.format(s.at()) + " to " + (s.resumedAt() == null ? "the end" : SECOND.format(s.resumedAt()));
    }

    static String time(Instant at) {
        return SECOND.format(at);
    }
}
