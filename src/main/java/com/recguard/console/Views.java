package com.recguard.console;

import java.util.List;

/**
 * What each console page shows, computed before rendering, so the templates (src/main/jte) only
 * lay it out. Text is escaped by the template engine; nothing here is pre-escaped HTML.
 */
public final class Views {

    private Views() {}

    /** The frame every page shares: its title, which navigation entry is current, who is signed in. */
    public record Frame(String title, String active, String operator, String role, String css) {}

    public record Message(Frame frame, String message) {}

    public record SignIn(Frame frame, String error, String next) {}

    /** A bar (or band) of a chart, in SVG user units, with the text a screen reader or tooltip gives. */
    public record Bar(double x, double y, double width, double height, String css, String title) {}

    /** A label on a chart axis. */
    public record Label(double x, double y, String text, String anchor) {}

    /** A small server-rendered SVG chart; {@code description} is its text alternative. */
    public record Chart(int width, int height, List<Bar> bars, List<Label> labels, List<Bar> gridLines, String description,
                        List<Legend> legend) {}

    public record Legend(String css, String text) {}

    public record CompletenessRow(String label, long seen, long decidedFinal, long provisional, long archived, long exempt,
                                  long withViolations, long pending, boolean sweepGap) {}

    public record Completeness(Frame frame, String span, String from, String to, Chart chart, List<CompletenessRow> rows,
                               String earlier, String later, String sweepNote, long gaps) {}

    public record ViolationRow(String conversationId, String link, String code, String rule, String detail, String zone,
                               String agents, String conversationStart) {}

    public record Violations(Frame frame, String code, String zone, String agent, String from, String to, List<String> codes,
                             List<String> zones, List<ViolationRow> rows, String previous, String next, int page, String error) {}

    public record Fact(String label, String value) {}

    public record FiredRule(String id, String name, String area, String clause, List<String> matched) {}

    public record NotFiredRule(String id, String name, String area, String why) {}

    public record EvidenceRow(String reason, String phrase, int utterance, int offset, String snippet, String at) {}

    public record ArchiveObject(String key, String what, String lock, String hold) {}

    public record ActionRow(long id, String type, String handler, String status, int attempts, String lastError, String updatedAt) {}

    public record LogRow(long seq, String hash, String prevHash, String inputHash, String rulePack, String firedRules) {}

    public record Conversation(Frame frame, String conversationId, List<Fact> facts, List<String> violations,
                               List<FiredRule> fired, List<NotFiredRule> notFired, List<EvidenceRow> evidence, Chart timeline,
                               String timelineText, List<ArchiveObject> objects, String archiveState, List<ActionRow> actions,
                               LogRow log, String packNote, String evidenceLink) {}

    public record HoldRow(String id, String criteria, String addedBy, String addedAt, String why, long conversations) {}

    public record Holds(Frame frame, List<HoldRow> holds, String error) {}

    public record EventRow(long id, String source, String topic, String conversationId, String reason, String receivedAt,
                           int attempts) {}

    public record DeadRow(long id, String conversationId, String type, String handler, int attempts, String reason, String at) {}

    public record Failures(Frame frame, List<EventRow> events, String moreEvents, List<DeadRow> deadLetters, String moreDead) {}

    public record RuleRow(String id, String name, String area, String file) {}

    public record Rules(Frame frame, String sha256, String lastRejection, List<RuleRow> rules) {}

    public record MonthRow(String month, int calibrations, int scored, String meanSpread, String maxSpread) {}

    public record Qa(Frame frame, Chart chart, List<MonthRow> months, String error) {}
}
