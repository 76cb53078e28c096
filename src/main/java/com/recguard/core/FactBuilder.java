package com.recguard.core;

import com.recguard.facts.Call;
import com.recguard.facts.ConsentCapture;
import com.recguard.facts.Coverage;
import com.recguard.facts.Coverage.Covered;
import com.recguard.facts.Coverage.Span;
import com.recguard.facts.Party;
import com.recguard.facts.PhraseHit;
import com.recguard.facts.RecordedSession;
import com.recguard.facts.Stop;
import com.recguard.facts.Spans;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Dtmf;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Participant.Role;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Segment;
import com.recguard.model.Session;
import com.recguard.model.Utterance;
import com.recguard.phone.PhoneNumbers;
import com.recguard.phrase.PhraseMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the facts the rules reason about from a bundle: the call, its parties (numbers parsed
 * with libphonenumber), consent captures, recorded sessions, stops with their overlap of staff
 * interact time, recording coverage and phrase hits. Java measures; the rules decide what the
 * measures mean. Pure: the same bundle always gives the same facts.
 */
public final class FactBuilder {

    static final String CONSENT_ATTRIBUTE = "recordingConsent";
    static final String CONSENT_PROMPT = "recording-consent";
    static final String RETENTION_CLASS_ATTRIBUTE = "retentionClass";
    static final String DEFAULT_RETENTION_CLASS = "default";

    private final PhraseMatcher lexicon;
    private final String homeCountry;
    /**
     * The register changes rarely (the service passes the same list until an edit), so the index
     * of the last one is kept; a bundle with another list gets its own.
     */
    private volatile HoldIndex holdIndex = HoldIndex.of(List.of());

    /**
     * @param homeCountry ISO 3166 alpha-2 country of national numbers (a leading 0 and no country
     *                    code): the table setting {@code residency/settings.csv homeCountry}
     */
    public FactBuilder(PhraseMatcher lexicon, String homeCountry) {
        this.lexicon = lexicon;
        this.homeCountry = homeCountry;
    }

    public List<Object> facts(Bundle bundle) {
        Conversation c = bundle.conversation();
        List<Object> facts = new ArrayList<>();
        List<Party> parties = c.participants().stream().map(p -> party(p, c)).toList();
        List<Span> interact = interact(c);
        facts.add(call(bundle, parties));
        facts.addAll(parties);
        facts.addAll(consentCaptures(bundle));
        facts.addAll(recordedSessions(c));
        facts.addAll(stops(bundle, interact));
        facts.add(coverage(bundle, interact));
        facts.addAll(bundle.recordings());
        HoldIndex holds = holdIndex(bundle.legalHolds());
        List<PhraseHit> hits = phraseHits(bundle, holds);
        Set<String> heldByTerms = new HashSet<>();
        hits.stream().filter(h -> h.holdId() != null).forEach(h -> heldByTerms.add(h.holdId()));
        List<String> staff = parties.stream().filter(p -> p.role().equals(Role.STAFF.name()) && p.userId() != null)
                .map(Party::userId).toList();
        facts.addAll(holds.candidates(staff, utcDate(c.conversationStart()), heldByTerms));
        facts.addAll(hits);
        return facts;
    }

    private Call call(Bundle b, List<Party> parties) {
        Conversation c = b.conversation();
        LocalDate start = utcDate(c.conversationStart());
        LocalDate end = utcDate(c.conversationEnd());
        boolean internal = parties.stream().noneMatch(p -> p.role().equals(Role.EXTERNAL.name()));
        boolean staffInteract = c.participants().stream()
                .filter(p -> p.role() == Role.STAFF)
                .flatMap(p -> p.sessions().stream())
                .flatMap(s -> s.segments().stream())
                .anyMatch(seg -> "interact".equalsIgnoreCase(seg.segmentType()));
        List<String> retentionClasses = c.participants().stream()
                .map(p -> p.attributes().get(RETENTION_CLASS_ATTRIBUTE))
                .filter(Objects::nonNull).map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .distinct().sorted().toList();
        List<String> agents = c.participants().stream()
                .filter(p -> p.role() == Role.STAFF && p.userId() != null)
                .map(Participant::userId).distinct().sorted().toList();
        return new Call(c.conversationId(), start, end, start == null ? null : start.toString().substring(0, 7),
                internal, staffInteract, b.ivr().captured(), firmLine(c),
                retentionClasses.isEmpty() ? List.of(DEFAULT_RETENTION_CLASS) : retentionClasses, agents,
                media(c), b.settled());
    }

    /**
     * The media a recording must have to count (POLICY.md 3): {@code audio} for a conversation
     * with a voice session, else the media types of its sessions (Genesys keeps chat, email and
     * message transcripts as recordings of that media).
     */
    private static List<String> media(Conversation c) {
        List<String> types = c.participants().stream().flatMap(p -> p.sessions().stream())
                .map(Session::mediaType).filter(Objects::nonNull).map(t -> t.trim().toLowerCase(Locale.ROOT))
                .distinct().sorted().toList();
        // No session saying its media (a hand-written bundle): a call, as Genesys' default media is voice.
        return types.isEmpty() || types.contains("voice") ? List.of("audio") : types;
    }

    private static List<RecordedSession> recordedSessions(Conversation c) {
        List<RecordedSession> out = new ArrayList<>();
        for (Participant p : c.participants()) {
            for (Session s : p.sessions()) {
                if (Boolean.TRUE.equals(s.recording())) {
                    out.add(new RecordedSession(p.participantId(), s.sessionId()));
                }
            }
        }
        return out;
    }

    /** Each stop with its end (resumedAt, else the conversation's) and its overlap of staff interact time. */
    private static List<Stop> stops(Bundle b, List<Span> interact) {
        List<Stop> out = new ArrayList<>();
        Instant convEnd = b.conversation().conversationEnd();
        long interactMs = Spans.measure(interact);
        for (int i = 0; i < b.recordingStops().size(); i++) {
            RecordingStop s = b.recordingStops().get(i);
            Instant until = s.resumedAt() != null ? s.resumedAt() : convEnd;
            long overlap = 0;
            if (s.at() != null && until != null && until.isAfter(s.at())) {
                overlap = interactMs - Spans.measure(Spans.subtract(interact, List.of(new Span(s.at(), until))));
            }
            out.add(new Stop(i, s.at(), until, s.by(), s.justification(), overlap));
        }
        return out;
    }

    /** The firm's line of the first external party: its session's dnis (inbound) or ani (outbound). */
    private String firmLine(Conversation c) {
        for (Participant p : c.participants()) {
            if (p.role() != Role.EXTERNAL) {
                continue;
            }
            for (Session s : p.sessions()) {
                String raw = isOutbound(s, c) ? s.ani() : s.dnis();
                var parsed = PhoneNumbers.parse(raw, homeCountry);
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

    private Party party(Participant p, Conversation c) {
        String number = null;
        String country = null;
        String areaCode = null;
        if (p.role() == Role.EXTERNAL) {
            for (Session s : p.sessions()) {
                // POLICY.md 1: the external party's number is its session's ani (inbound) or dnis (outbound).
                String raw = isOutbound(s, c) ? s.dnis() : s.ani();
                var parsed = PhoneNumbers.parse(raw, homeCountry);
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

    /** The union of every staff interact segment (a segment without an end runs to the conversation's end). */
    private static List<Span> interact(Conversation c) {
        List<Span> interact = new ArrayList<>();
        for (Participant p : c.participants()) {
            if (p.role() != Role.STAFF) {
                continue;
            }
            for (Session s : p.sessions()) {
                for (Segment seg : s.segments()) {
                    Instant end = seg.segmentEnd() != null ? seg.segmentEnd() : c.conversationEnd();
                    if ("interact".equalsIgnoreCase(seg.segmentType()) && seg.segmentStart() != null && end != null) {
                        interact.add(new Span(seg.segmentStart(), end));
                    }
                }
            }
        }
        return Spans.union(interact);
    }

    private static Coverage coverage(Bundle b, List<Span> interact) {
        Conversation c = b.conversation();
        List<Covered> recordings = new ArrayList<>();
        for (Recording r : b.recordings()) {
            Span span = recordingSpan(r, c);
            if (span != null) {
                recordings.add(new Covered(r, span));
            }
        }
        List<Span> stops = new ArrayList<>();
        for (RecordingStop s : b.recordingStops()) {
            Instant until = s.resumedAt() != null ? s.resumedAt() : c.conversationEnd();
            if (s.at() != null && until != null) {
                stops.add(new Span(s.at(), until));
            }
        }
        return new Coverage(interact, recordings, stops);
    }

    /**
     * The span a recording covers (POLICY.md 1): its start and end times when both are given
     * (Genesys gives them for screen recordings only); else the span of the session it names,
     * first segment start to last segment end; else the whole conversation.
     */
    private static Span recordingSpan(Recording r, Conversation c) {
        if (r.startTime() != null && r.endTime() != null) {
            return new Span(r.startTime(), r.endTime());
        }
        Instant from = null;
        Instant to = null;
        if (r.sessionId() != null) {
            for (Participant p : c.participants()) {
                for (Session s : p.sessions()) {
                    if (!r.sessionId().equals(s.sessionId())) {
                        continue;
                    }
                    for (Segment seg : s.segments()) {
                        Instant end = seg.segmentEnd() != null ? seg.segmentEnd() : c.conversationEnd();
                        if (seg.segmentStart() != null && (from == null || seg.segmentStart().isBefore(from))) {
                            from = seg.segmentStart();
                        }
                        if (end != null && (to == null || end.isAfter(to))) {
                            to = end;
                        }
                    }
                }
            }
        }
        if (from != null && to != null) {
            return new Span(from, to);
        }
        Instant start = c.conversationStart();
        Instant end = c.conversationEnd();
        return start == null || end == null ? null : new Span(start, end);
    }

    private HoldIndex holdIndex(List<LegalHold> holds) {
        HoldIndex last = holdIndex;
        if (last.holds() == holds || last.holds().equals(holds)) {
            return last;
        }
        HoldIndex fresh = HoldIndex.of(holds);
        holdIndex = fresh;
        return fresh;
    }

    private List<PhraseHit> phraseHits(Bundle b, HoldIndex holds) {
        List<PhraseHit> hits = new ArrayList<>();
        PhraseMatcher terms = holds.terms();
        List<Utterance> transcript = b.transcript();
        for (int i = 0; i < transcript.size(); i++) {
            String text = transcript.get(i).text();
            for (PhraseMatcher.Match m : lexicon.find(text)) {
                hits.add(new PhraseHit(null, m.phrase(), i, m.start(), PhraseMatcher.snippet(text, m)));
            }
            for (PhraseMatcher.Match m : terms.find(text)) {
                for (String holdId : holds.holdIdsNaming(m.phrase())) {
                    hits.add(new PhraseHit(holdId, m.phrase(), i, m.start(), PhraseMatcher.snippet(text, m)));
                }
            }
        }
        return hits;
    }

    static LocalDate utcDate(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
