package com.recguard.core;

import com.recguard.facts.Call;
import com.recguard.facts.ConsentCapture;
import com.recguard.facts.Coverage;
import com.recguard.facts.Coverage.Span;
import com.recguard.facts.Party;
import com.recguard.facts.PhraseHit;
import com.recguard.facts.Spans;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Dtmf;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Participant.Role;
import com.recguard.model.Recording;
import com.recguard.model.Segment;
import com.recguard.model.Session;
import com.recguard.model.Utterance;
import com.recguard.phone.PhoneNumbers;
import com.recguard.phrase.PhraseMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Derives the facts the rules reason about from a bundle: the call, its parties (numbers parsed
 * with libphonenumber), consent captures, recording coverage and phrase hits. Pure: the same
 * bundle always gives the same facts.
 */
public final class FactBuilder {

    static final String CONSENT_ATTRIBUTE = "recordingConsent";
    static final String CONSENT_PROMPT = "recording-consent";
    static final String RETENTION_CLASS_ATTRIBUTE = "retentionClass";
    static final String DEFAULT_RETENTION_CLASS = "default";

    private final PhraseMatcher lexicon;
    private final HoldTermsCache holdTerms = new HoldTermsCache();

    public FactBuilder(PhraseMatcher lexicon) {
        this.lexicon = lexicon;
    }

    public List<Object> facts(Bundle bundle) {
        Conversation c = bundle.conversation();
        List<Object> facts = new ArrayList<>();
        List<Party> parties = c.participants().stream().map(p -> party(p, c)).toList();
        facts.add(call(bundle, parties));
        facts.addAll(parties);
        facts.addAll(consentCaptures(bundle));
        facts.add(coverage(bundle));
        facts.addAll(bundle.recordings());
        facts.addAll(bundle.recordingStops());
        facts.addAll(bundle.legalHolds());
        facts.addAll(phraseHits(bundle));
        return facts;
    }

    private static Call call(Bundle b, List<Party> parties) {
        Conversation c = b.conversation();
        LocalDate start = utcDate(c.conversationStart());
        LocalDate end = c.conversationEnd() != null ? utcDate(c.conversationEnd()) : start;
        boolean internal = parties.stream().noneMatch(p -> p.role().equals(Role.EXTERNAL.name()));
        boolean staffInteract = c.participants().stream()
                .filter(p -> p.role() == Role.STAFF)
                .flatMap(p -> p.sessions().stream())
                .flatMap(s -> s.segments().stream())
                .anyMatch(seg -> "interact".equalsIgnoreCase(seg.segmentType()));
        String retentionClass = c.participants().stream()
                .map(p -> p.attributes().get(RETENTION_CLASS_ATTRIBUTE))
                .filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty())
                .sorted().findFirst().orElse(DEFAULT_RETENTION_CLASS);
        List<String> agents = c.participants().stream()
                .filter(p -> p.role() == Role.STAFF && p.userId() != null)
                .map(Participant::userId).distinct().sorted().toList();
        return new Call(c.conversationId(), start, end, start == null ? null : start.toString().substring(0, 7),
                internal, staffInteract, b.ivr().captured(), firmLine(c), retentionClass, agents);
    }

    /** The firm's line of the first external party: its session's dnis (inbound) or ani (outbound). */
    private static String firmLine(Conversation c) {
        for (Participant p : c.participants()) {
            if (p.role() != Role.EXTERNAL) {
                continue;
            }
            for (Session s : p.sessions()) {
                String raw = isOutbound(s, c) ? s.ani() : s.dnis();
                var parsed = PhoneNumbers.parse(raw);
                if (parsed.isPresent()) {
                    return parsed.get().e164();
                }
            }
        }
        return null;
    }

    private static boolean isOutbound(Session s, Conversation c) {
        String d = s.direction() != null ? s.direction() : c.originatingDirection();
        return "outbound".equalsIgnoreCase(d);
    }

    private static Party party(Participant p, Conversation c) {
        String number = null;
        String country = null;
        String areaCode = null;
        if (p.role() == Role.EXTERNAL) {
            for (Session s : p.sessions()) {
                String raw = isOutbound(s, c) ? s.dnis() : s.ani();
                var parsed = PhoneNumbers.parse(raw);
                if (parsed.isPresent()) {
                    number = parsed.get().e164();
                    country = parsed.get().region();
                    areaCode = parsed.get().nanpAreaCode();
                    break;
                }
            }
        }
        return new Party(p.participantId(), p.purpose(), p.role().name(), p.userId(), number, country, areaCode,
                upper(p.attributes().get("clientRegion")), upper(p.attributes().get("clientCountry")));
    }

    private static String upper(String v) {
        return v == null || v.isBlank() ? null : v.trim().toUpperCase(Locale.ROOT);
    }

    private static List<ConsentCapture> consentCaptures(Bundle b) {
        List<ConsentCapture> out = new ArrayList<>();
        for (Participant p : b.conversation().participants()) {
            String v = p.attributes().get(CONSENT_ATTRIBUTE);
            if (p.role() == Role.EXTERNAL && v != null) {
                out.add(new ConsentCapture(v.trim(), "attribute " + CONSENT_ATTRIBUTE + " of " + p.participantId()));
            }
        }
        List<Dtmf> dtmf = b.ivr().dtmf();
        for (int i = 0; i < dtmf.size(); i++) {
            if (CONSENT_PROMPT.equals(dtmf.get(i).prompt())) {
                String digit = dtmf.get(i).digit() == null ? "" : dtmf.get(i).digit().trim();
                out.add(new ConsentCapture(digit, "ivr dtmf #" + i));
            }
        }
        return out;
    }

    private static Coverage coverage(Bundle b) {
        Conversation c = b.conversation();
        Instant convStart = c.conversationStart();
        Instant convEnd = c.conversationEnd();
        List<Span> interact = new ArrayList<>();
        for (Participant p : c.participants()) {
            if (p.role() != Role.STAFF) {
                continue;
            }
            for (Session s : p.sessions()) {
                for (Segment seg : s.segments()) {
                    Instant end = seg.segmentEnd() != null ? seg.segmentEnd() : convEnd;
                    if ("interact".equalsIgnoreCase(seg.segmentType()) && seg.segmentStart() != null && end != null) {
                        interact.add(new Span(seg.segmentStart(), end));
                    }
                }
            }
        }
        List<Span> recorded = new ArrayList<>();
        for (Recording r : b.recordings()) {
            if (!r.usable()) {
                continue;
            }
            Instant from = r.startTime() != null ? r.startTime() : convStart;
            Instant to = r.endTime() != null ? r.endTime() : convEnd;
            if (r.startTime() == null && r.endTime() == null) {
                // No times: no evidence of a gap, so the recording is taken to cover everything.
                from = Instant.MIN;
                to = Instant.MAX;
            }
            if (from != null && to != null) {
                recorded.add(new Span(from, to));
            }
        }
        List<Span> interactUnion = Spans.union(interact);
        List<Span> uncovered = Spans.subtract(interactUnion, Spans.union(recorded));
        return new Coverage(Spans.measure(interactUnion), uncovered, convEnd);
    }

    private List<PhraseHit> phraseHits(Bundle b) {
        List<PhraseHit> hits = new ArrayList<>();
        PhraseMatcher terms = holdTerms.matcherFor(b.legalHolds());
        Map<String, List<String>> holdsByTerm = holdsByTerm(b.legalHolds());
        List<Utterance> transcript = b.transcript();
        for (int i = 0; i < transcript.size(); i++) {
            String text = transcript.get(i).text();
            for (PhraseMatcher.Match m : lexicon.find(text)) {
                hits.add(new PhraseHit(null, m.phrase(), i, m.start(), PhraseMatcher.snippet(text, m)));
            }
            for (PhraseMatcher.Match m : terms.find(text)) {
                for (String holdId : holdsByTerm.getOrDefault(m.phrase(), List.of())) {
                    hits.add(new PhraseHit(holdId, m.phrase(), i, m.start(), PhraseMatcher.snippet(text, m)));
                }
            }
        }
        return hits;
    }

    private static Map<String, List<String>> holdsByTerm(List<LegalHold> holds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (LegalHold h : holds) {
            for (String t : h.terms()) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(h.id());
            }
        }
        return out;
    }

    static LocalDate utcDate(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Hold terms change rarely (the service's register), so the last matcher built is kept. */
    private static final class HoldTermsCache {
        private record Entry(List<String> terms, PhraseMatcher matcher) {}

        private volatile Entry last = new Entry(List.of(), PhraseMatcher.of(List.of()));

        PhraseMatcher matcherFor(List<LegalHold> holds) {
            List<String> terms = holds.stream().flatMap(h -> h.terms().stream()).distinct().sorted().toList();
            Entry e = last;
            if (!e.terms().equals(terms)) {
                e = new Entry(terms, PhraseMatcher.of(terms));
                last = e;
            }
            return e.matcher();
        }
    }
}
