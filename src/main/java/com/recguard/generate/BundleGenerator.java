package com.recguard.generate;

import com.recguard.model.Expectation;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Dtmf;
import com.recguard.model.Ivr;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.model.Recording;
import com.recguard.model.RecordingStop;
import com.recguard.model.Segment;
import com.recguard.model.Session;
import com.recguard.model.Utterance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes realistic conversation bundles from a seed, each with the decision POLICY.md asks for.
 *
 * <p>Fixture {@code i} of seed {@code s} depends on nothing else (not on the count), so a run of
 * 100 is the first 100 of a run of 10,000. The expectation is stated by the scenario drawn (a
 * California caller who presses 2 on a line without a non-recorded queue is PROHIBITED, REFUSED,
 * DISCONNECT), using POLICY.md's default tables; the evaluator is never consulted, so a replay is
 * an independent check of the rule pack. A generated fixture therefore assumes the shipped
 * defaults: a pack with other tables will, rightly, disagree with some of them.
 *
 * <p>Background that must not change the decision is mixed in on purpose: holds in force for
 * other people or other dates, words close to the risk phrases, DTMF menu choices.
 */
public final class BundleGenerator {

    /** POLICY.md defaults the expectations rely on. */
    static final String NON_RECORDED_LINE = "+12125550100";
    static final int RETENTION_YEARS = 7;
    static final String HOME_REGION = "eu-west-1";

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    private static final int DAYS = 175;

    private final long seed;
    private final int transcriptScale;

    /**
     * @param seed            names the corpus
     * @param transcriptScale how many times the usual number of utterances each transcript has (1 = a few
     *                        exchanges); the decision does not depend on it
     */
    public BundleGenerator(long seed, int transcriptScale) {
        if (transcriptScale < 1) {
            throw new IllegalArgumentException("transcript scale must be at least 1, got " + transcriptScale);
        }
        this.seed = seed;
        this.transcriptScale = transcriptScale;
    }

    public BundleGenerator(long seed) {
        this(seed, 1);
    }

    /** Fixture number {@code index} (0-based) of this seed. */
    public GeneratedFixture generate(int index) {
        SplitMix r = SplitMix.forFixture(seed, index);
        Scenario scenario = Scenario.draw(r);
        Call c = new Call(r, transcriptScale);
        switch (scenario) {
            case CLEAN_UK -> cleanUk(c);
            case CLEAN_EU -> cleanEu(c);
            case CLEAN_US -> cleanUs(c);
            case OTHER_ZONE -> otherZone(c);
            case CONSENT_GIVEN -> consentGiven(c);
            case CONSENT_REFUSED -> consentRefused(c);
            case CONSENT_NOT_CAPTURED -> consentNotCaptured(c);
            case INTERNAL -> internal(c);
            case TEST_CALL -> testCall(c);
            case PCI_PAUSE -> pciPause(c);
            case GAP -> gap(c);
            case UNJUSTIFIED_STOP -> unjustifiedStop(c);
            case UNAPPROVED_EXEMPTION -> unapprovedExemption(c);
            case MISSING_RECORDING -> missingRecording(c);
            case IVR_ONLY -> ivrOnly(c);
            case RISK_PHRASE -> riskPhrase(c);
            case LEGAL_HOLD -> legalHold(c);
            case CONFERENCE -> conference(c);
            case RESIDENCY_CONFLICT -> residencyConflict(c);
        }
        c.backgroundHolds();
        return c.finish(String.format("%05d-%s", index, scenario.slug()), scenario);
    }

    // ---------------------------------------------------------------- scenarios

    private static void cleanUk(Call c) {
        Client client = c.r.chance(0.1) ? Clients.ukByAttribute(c.r) : Clients.uk(c.r);
        boolean inbound = c.r.chance(0.8);
        // Some UK flows ask anyway: not required, but the answer is still written to the audit trail.
        boolean asked = inbound && c.r.chance(0.1);
        c.clientCall(client, inbound, asked ? "1" : null);
        if (asked) {
            c.say("the IVR asks for consent although it is not required and the caller presses 1");
        }
        c.recordTalkInFull();
    }

    private static void cleanEu(Call c) {
        c.clientCall(c.r.chance(0.1) ? Clients.euByAttribute(c.r) : Clients.eu(c.r), c.r.chance(0.7));
        c.recordTalkInFull();
    }

    private static void cleanUs(Call c) {
        c.clientCall(c.r.chance(0.15) ? Clients.usOnePartyByAttribute(c.r) : Clients.usOneParty(c.r), c.r.chance(0.7));
        c.recordTalkInFull();
    }

    private static void otherZone(Call c) {
        c.clientCall(Clients.other(c.r), c.r.chance(0.7));
        c.recordTalkInFull();
    }

    private static void consentGiven(Call c) {
        Client client = Clients.usConsent(c.r);
        boolean inbound = c.r.chance(0.75);
        c.clientCall(client, inbound, inbound ? "1" : null);
        if (inbound) {
            c.say("presses 1 to consent to recording");
            if (c.r.chance(0.2)) {
                c.consentAttribute("1");
                c.say("and the advisor records the consent too");
            }
        } else {
            c.consentAttribute("1");
            c.say("agrees when the advisor asks for consent to record");
        }
        c.recordTalkInFull();
    }

    private static void consentRefused(Call c) {
        Client client = Clients.usConsent(c.r);
        boolean queueLine = c.r.chance(0.5);
        c.firmLine = queueLine ? NON_RECORDED_LINE : "+12125550199";
        boolean inbound = c.r.chance(0.75);
        c.begin(client, inbound);
        boolean recordedAnyway = c.r.chance(0.3);
        if (inbound) {
            boolean agreedFirst = c.r.chance(0.1);
            c.ivrMenu(List.of("main", "consent"));
            if (agreedFirst) {
                c.dtmf("1", "recording-consent");
            }
            String digit = c.r.pick(List.of("2", "2", "2", "0", "9"));
            c.dtmf(digit, "recording-consent");
            c.say(agreedFirst ? "presses 1 and then " + digit + " at the consent prompt (a refusal outweighs an agreement)"
                    : "presses " + digit + " to refuse recording");
            c.ivrEnd();
            if (queueLine) {
                c.queue();
                Span talk = c.agentTalk(c.r.pick(Clients.AGENTS), c.r.between(60, 900));
                c.say("and is served on the non-recorded queue of " + c.firmLine);
                if (recordedAnyway) {
                    c.record(talk, c.storageRegion());
                    c.say("but the advisor's leg is recorded all the same");
                }
            } else {
                c.say("on " + c.firmLine + ", which has no non-recorded queue, so the call is disconnected");
                if (recordedAnyway) {
                    c.record(new Span(c.start, c.cursor), c.storageRegion());
                    c.say("after the IVR had already recorded it");
                }
            }
        } else {
            Span talk = c.agentTalk(c.r.pick(Clients.AGENTS), c.r.between(20, 120));
            String value = c.r.pick(List.of("0", "no", "2"));
            c.consentAttribute(value);
            c.say("is called from " + c.firmLine + " and refuses consent (the advisor sets recordingConsent=" + value + ")");
            if (recordedAnyway) {
                c.record(talk, c.storageRegion());
                c.say("but the call was recorded");
            }
        }
        c.endAt(c.cursor);
    }

    private static void consentNotCaptured(Call c) {
        c.clientCall(Clients.usConsent(c.r), c.r.chance(0.7));
        c.say("nobody asks for consent to record");
        c.recordTalkInFull();
    }

    private static void internal(Call c) {
        c.internalCall();
        if (c.r.chance(0.15)) {
            c.say("and nothing was recorded");
            c.violation("MISSING_RECORDING");
        } else {
            c.recordTalkInFull();
        }
    }

    private static void testCall(Call c) {
        c.internalCall();
        Span talk = c.talks.get(0);
        boolean fromStart = c.r.chance(0.3);
        Instant at = fromStart ? talk.start() : talk.start().plusSeconds(c.r.between(5, 40));
        Instant resumed = c.r.chance(0.5) ? null : at.plusSeconds(Math.min(c.r.between(30, 300), talk.seconds() / 2));
        c.stop(at, resumed, c.r.pick(List.of("flow", "api")), "INTERNAL_TEST_CALL");
        if (!fromStart) {
            c.record(new Span(talk.start(), at), HOME_REGION);
        }
        if (resumed != null && resumed.isBefore(talk.end())) {
            c.record(new Span(resumed, talk.end()), HOME_REGION);
        }
        c.say("stopped as INTERNAL_TEST_CALL" + (resumed == null ? " until the end" : " for a while"));
        c.recording = "EXEMPT";
    }

    private static void pciPause(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.8));
        Span talk = c.talks.get(0);
        Instant at = talk.start().plusSeconds(c.r.between(20, (int) Math.max(21, talk.seconds() / 2)));
        // An open pause runs to the end; PCI_SECURE_PAUSE explains at most 300 s (POLICY v2), so a
        // pause meant to be fully explained stays open only when the talk ends within that.
        boolean open = c.r.chance(0.2) && !at.plusSeconds(300).isBefore(talk.end());
        Instant resumed = open ? null : at.plusSeconds(c.r.between(30, 150));
        if (resumed != null && !resumed.isBefore(talk.end())) {
            resumed = null;
            open = true;
        }
        c.stop(at, resumed, c.r.pick(List.of("agent", "api")), "PCI_SECURE_PAUSE");
        String region = c.storageRegion();
        c.record(new Span(talk.start(), at), region);
        if (!open) {
            c.record(new Span(resumed, talk.end()), region);
        }
        c.say(open ? "the advisor pauses recording for card details until the end of the call"
                : "the advisor pauses recording for " + (resumed.getEpochSecond() - at.getEpochSecond()) + " s while card details are taken");
    }

    private static void gap(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.75));
        Span talk = c.talks.get(0);
        int missing = c.r.between(20, (int) Math.min(180, talk.seconds() / 3));
        String region = c.storageRegion();
        switch (c.r.nextInt(3)) {
            case 0 -> {
                c.record(new Span(talk.start().plusSeconds(missing), talk.end()), region);
                c.say("the recording starts " + missing + " s late");
            }
            case 1 -> {
                c.record(new Span(talk.start(), talk.end().minusSeconds(missing)), region);
                c.say("the recording ends " + missing + " s early");
            }
            default -> {
                Instant cut = talk.start().plusSeconds(talk.seconds() / 3);
                c.record(new Span(talk.start(), cut), region);
                c.record(new Span(cut.plusSeconds(missing), talk.end()), region);
                c.say("the recording drops out for " + missing + " s with no stop on record");
            }
        }
        c.violation("RECORDING_GAP");
    }

    private static void unjustifiedStop(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.75));
        Span talk = c.talks.get(0);
        boolean brief = c.r.chance(0.3);
        int seconds = resumesBeforeEnd(talk, brief ? c.r.between(1, 3) : c.r.between(20, 90));
        Instant at = talk.start().plusSeconds(talk.seconds() / 3);
        c.stop(at, at.plusSeconds(seconds), "agent", c.r.chance(0.5) ? null : "");
        String region = c.storageRegion();
        c.record(new Span(talk.start(), at), region);
        c.record(new Span(at.plusSeconds(seconds), talk.end()), region);
        c.say("the advisor stops recording for " + seconds + " s without a justification");
        c.violation("UNJUSTIFIED_STOP");
        if (!brief) {
            c.violation("RECORDING_GAP");
        }
    }

    /**
     * A stop that starts a third into the talk lasts at most until a second before the talk ends,
     * so the recording that resumes after it ends after it starts (a bundle POLICY.md refuses
     * otherwise). Only draws that overran the talk change; every other seed gives the same bytes.
     */
    private static int resumesBeforeEnd(Span talk, int seconds) {
        return (int) Math.min(seconds, talk.seconds() - talk.seconds() / 3 - 1);
    }

    private static void unapprovedExemption(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.75));
        Span talk = c.talks.get(0);
        int seconds = resumesBeforeEnd(talk, c.r.between(30, 120));
        Instant at = talk.start().plusSeconds(talk.seconds() / 3);
        String code = c.r.pick(List.of("INTERNAL_TEST_CALL", "INTERNAL_TEST_CALL", "CLIENT_REQUEST", "SYSTEM_MAINTENANCE"));
        c.stop(at, at.plusSeconds(seconds), c.r.pick(List.of("agent", "api")), code);
        String region = c.storageRegion();
        c.record(new Span(talk.start(), at), region);
        c.record(new Span(at.plusSeconds(seconds), talk.end()), region);
        c.say("recording is stopped for " + seconds + " s as " + code + ", which is not allowed on a client call");
        c.violation("UNAPPROVED_EXEMPTION");
        c.violation("RECORDING_GAP");
    }

    private static void missingRecording(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.75));
        if (c.r.chance(0.4)) {
            String state = c.r.pick(List.of("DELETED", "ERROR"));
            c.recordings.add(new Recording("r-" + c.shortId() + "-1", null, "audio", state, c.talks.get(0).start(),
                    c.talks.get(0).end(), c.storageRegion()));
            c.say("the only recording is " + state);
        } else {
            c.say("no recording was made");
        }
        c.violation("MISSING_RECORDING");
    }

    private static void ivrOnly(Call c) {
        Client client = c.r.chance(0.2) ? Clients.usConsent(c.r) : Clients.anyWithoutConsent(c.r);
        c.begin(client, true);
        switch (c.r.nextInt(3)) {
            case 0 -> {
                c.ivrMenu(List.of("main", c.r.pick(List.of("balances", "trading", "opening-hours"))));
                c.dtmf(c.r.pick(List.of("1", "2", "3")), "main-menu");
                if (client.consentRegion() != null && c.r.chance(0.5)) {
                    c.dtmf("1", "recording-consent");
                }
                c.ivrEnd();
                c.say("hangs up in the IVR after choosing from the menu");
            }
            case 1 -> {
                c.ivrFlowWithoutCapture();
                c.ivrEnd();
                c.queue();
                c.say("abandons in the queue; the flow captured neither a menu path nor DTMF and nothing was recorded");
                c.violation("MISSING_IVR_CAPTURE");
            }
            default -> {
                c.ivrFlowWithoutCapture();
                c.ivrEnd();
                c.record(new Span(c.start, c.cursor), c.storageRegion());
                c.say("hangs up in a flow that records the caller but captures no menu path");
            }
        }
        c.endAt(c.cursor);
    }

    private static final List<String[]> RISK_SAYINGS = List.of(
            new String[] {"guaranteed return", "I can promise you a guaranteed return of eight percent on this."},
            new String[] {"guaranteed return", "Look, it's a GUARANTEED  RETURN, you can't lose."},
            new String[] {"guaranteed return", "They call it a guaranteed-return note, capital protected."},
            new String[] {"private placement", "This is a Private Placement, professional clients only."},
            new String[] {"private placement", "We have allocation left in the private placement. Interested?"},
            new String[] {"private placement", "It's a private\tplacement, so keep it between us."});

    private static void riskPhrase(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.7));
        c.recordTalkInFull();
        int n = c.r.chance(0.2) ? 2 : 1;
        for (int i = 0; i < n; i++) {
            String[] s = c.r.pick(RISK_SAYINGS);
            c.specialLines.add(new Utterance("agent", 0, s[1]));
            c.holdReasons.add("PHRASE:" + s[0]);
        }
        c.say("the advisor says " + String.join(" and ", c.holdReasons.stream().map(h -> "\"" + h.substring(7) + "\"").toList()));
    }

    private static void legalHold(Call c) {
        c.clientCall(Clients.anyWithoutConsent(c.r), c.r.chance(0.7));
        c.recordTalkInFull();
        LocalDate day = c.startDate();
        String agent = c.agents.get(0);
        String id = "LH-" + c.r.between(100, 999);
        switch (c.r.nextInt(3)) {
            case 0 -> {
                c.holds.add(new LegalHold(id, List.of(agent, c.r.pick(Clients.FORMER_STAFF)), day.minusDays(c.r.between(0, 60)),
                        c.r.chance(0.3) ? null : day.plusDays(c.r.between(0, 90)), List.of()));
                c.say("the advisor " + agent + " is a custodian of legal hold " + id + " for these dates");
            }
            case 1 -> {
                c.holds.add(new LegalHold(id, List.of(), null, null, List.of("project falcon")));
                c.specialLines.add(new Utterance("customer", 0, "Is this about Project Falcon? I read about it."));
                c.say("the client mentions Project Falcon, a term of legal hold " + id);
            }
            default -> {
                c.holds.add(new LegalHold(id, List.of(), day.minusDays(c.r.between(0, 5)), day.plusDays(c.r.between(0, 5)), List.of()));
                c.say("legal hold " + id + " covers every call of the week");
            }
        }
        c.holdReasons.add("HOLD:" + id);
        // A hold that names the advisor but not this date, and one whose term is not said: neither matches.
        c.holds.add(new LegalHold("LH-" + c.r.between(1000, 1999), List.of(agent), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), List.of()));
        if (c.r.chance(0.5)) {
            c.holds.add(new LegalHold("LH-" + c.r.between(2000, 2999), List.of(agent), null, null, List.of("project osprey")));
        }
    }

    private static void conference(Call c) {
        switch (c.r.nextInt(3)) {
            case 0 -> {
                Client client = Clients.anyWithoutConsent(c.r);
                c.begin(client, true);
                c.ivrMenu(List.of("main", "advisory"));
                c.ivrEnd();
                c.queue();
                String first = c.r.pick(Clients.AGENTS);
                String second = other(c.r, first);
                Span a = c.agentTalk(first, c.r.between(120, 600));
                // Warm transfer: the advisor consults the specialist, then leaves.
                Instant consultStart = a.end().minusSeconds(c.r.between(20, 60));
                Span b = c.agentTalkFrom(second, consultStart, c.r.between(120, 900));
                c.record(a, c.storageRegion());
                c.record(b, c.storageRegion());
                c.endAt(b.end());
                c.say("the advisor consult-transfers to a specialist; both legs are recorded");
            }
            case 1 -> {
                Client client = Clients.anyWithoutConsent(c.r);
                c.begin(client, true);
                c.ivrMenu(List.of("main", "trading"));
                c.ivrEnd();
                c.queue();
                String first = c.r.pick(Clients.AGENTS);
                Span a = c.agentTalk(first, c.r.between(60, 300));
                c.cursor = c.cursor.plusSeconds(c.r.between(3, 10));
                Span b = c.agentTalk(other(c.r, first), c.r.between(120, 900));
                c.record(a, c.storageRegion());
                c.record(b, c.storageRegion());
                c.endAt(b.end());
                c.say("the advisor blind-transfers to a colleague; both legs are recorded");
            }
            default -> {
                Client first = c.r.chance(0.6) ? Clients.uk(c.r) : Clients.eu(c.r);
                Client second = c.r.chance(0.5) ? Clients.usConsent(c.r) : Clients.usOneParty(c.r);
                c.begin(first, true);
                c.ivrMenu(List.of("main", "trading"));
                c.ivrEnd();
                c.queue();
                Span a = c.agentTalk(c.r.pick(Clients.AGENTS), c.r.between(240, 1200));
                Instant joined = a.start().plusSeconds(c.r.between(30, (int) (a.seconds() / 2)));
                c.addClient(second, false, joined);
                if (second.consentRegion() != null) {
                    c.consentAttribute(second, "1");
                }
                c.record(a, c.storageRegion());
                c.endAt(a.end());
                c.say("the advisor conferences in a US counterparty from " + second.city()
                        + (second.consentRegion() != null ? ", who consents to recording" : ""));
            }
        }
    }

    private static void residencyConflict(Call c) {
        c.clientCall(c.r.chance(0.6) ? Clients.uk(c.r) : Clients.eu(c.r), c.r.chance(0.75));
        String region = c.r.pick(List.of("us-east-1", "us-west-2", "ap-southeast-1"));
        c.record(c.talks.get(0), region);
        c.say("the recording is stored in " + region);
        c.violation("RESIDENCY_CONFLICT");
    }

    private static String other(SplitMix r, String agent) {
        String o = r.pick(Clients.AGENTS);
        while (o.equals(agent)) {
            o = r.pick(Clients.AGENTS);
        }
        return o;
    }

    // ---------------------------------------------------------------- the call being built

    /** A time span, start inclusive, end exclusive. */
    record Span(Instant start, Instant end) {
        long seconds() {
            return end.getEpochSecond() - start.getEpochSecond();
        }
    }

    /**
     * One conversation under construction: what the scenario put in (participants, recordings,
     * stops, IVR, holds) and what it says the decision must be. Times advance along a cursor.
     */
    private static final class Call {
        final SplitMix r;
        final int transcriptScale;
        final String id;
        final Instant start;
        Instant cursor;
        Instant end;
        boolean inbound;
        String firmLine;
        final List<Client> clients = new ArrayList<>();
        final List<Boolean> clientInbound = new ArrayList<>();
        final List<Instant> clientJoined = new ArrayList<>();
        final List<Map<String, String>> clientAttributes = new ArrayList<>();
        boolean internal;
        final List<String> agents = new ArrayList<>();
        final List<List<Segment>> agentSegments = new ArrayList<>();
        final List<Span> talks = new ArrayList<>();
        boolean ivrParticipant;
        Span ivrSpan;
        Span queueSpan;
        String flowName;
        final List<String> menuPath = new ArrayList<>();
        final List<Dtmf> dtmf = new ArrayList<>();
        final List<Recording> recordings = new ArrayList<>();
        final List<RecordingStop> stops = new ArrayList<>();
        final List<LegalHold> holds = new ArrayList<>();
        final List<Utterance> specialLines = new ArrayList<>();
        final List<String> consentAnswers = new ArrayList<>();
        final List<String> story = new ArrayList<>();
        String summary = "";

        String recording = "REQUIRED";
        final Set<String> violations = new TreeSet<>();
        final Set<String> holdReasons = new TreeSet<>();

        Call(SplitMix r, int transcriptScale) {
            this.r = r;
            this.transcriptScale = transcriptScale;
            this.id = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                    .toString();
            LocalDate day = FIRST_DAY.plusDays(r.nextInt(DAYS));
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            this.start = day.atTime(r.between(7, 18), r.nextInt(60), r.nextInt(60)).toInstant(ZoneOffset.UTC);
            this.cursor = start;
        }

        String shortId() {
            return id.substring(0, 8);
        }

        LocalDate startDate() {
            return start.atOffset(ZoneOffset.UTC).toLocalDate();
        }

        void say(String clause) {
            story.add(clause);
        }

        void violation(String code) {
            violations.add(code);
        }

        /** The zone of the conversation as POLICY.md ranks it: UK, then EU, then the rest; INTERNAL with no client. */
        String zone() {
            if (clients.isEmpty()) {
                return "INTERNAL";
            }
            for (String z : List.of("UK", "EU", "US", "OTHER")) {
                if (clients.stream().anyMatch(c -> c.zone().equals(z))) {
                    return z;
                }
            }
            throw new IllegalStateException("client without zone");
        }

        /** A region the zone allows, where the firm would store the recording. */
        String storageRegion() {
            return switch (zone()) {
                case "US" -> "us-east-1";
                case "UK", "EU" -> r.chance(0.7) ? "eu-west-1" : "eu-west-2";
                default -> HOME_REGION;
            };
        }

        // -- building blocks

        void begin(Client client, boolean inbound) {
            this.inbound = inbound;
            if (firmLine == null) {
                firmLine = client.zone().equals("US") ? "+12125550199" : r.chance(0.5) ? "+442079460123" : "+442079460177";
            }
            addClient(client, inbound, start);
            say(client.description() + (inbound ? " calls in" : " is called by an advisor"));
        }

        void addClient(Client client, boolean inboundLeg, Instant joined) {
            clients.add(client);
            clientInbound.add(inboundLeg);
            clientJoined.add(joined);
            clientAttributes.add(new TreeMap<>(client.attributes()));
        }

        /** A client call answered by one advisor; inbound calls pass an IVR and a queue first. */
        void clientCall(Client client, boolean inbound) {
            clientCall(client, inbound, null);
        }

        /** @param consentDigit the digit pressed at the IVR's consent prompt, or null when there is no prompt */
        void clientCall(Client client, boolean inbound, String consentDigit) {
            begin(client, inbound);
            if (inbound) {
                ivrMenu(List.of("main", r.pick(List.of("trading", "advisory", "wealth", "private-clients"))));
                if (consentDigit != null) {
                    dtmf(consentDigit, "recording-consent");
                }
                if (r.chance(0.5)) {
                    dtmf(r.pick(List.of("1", "2", "3")), "main-menu");
                }
                ivrEnd();
                queue();
            } else {
                cursor = cursor.plusSeconds(r.between(5, 25));
            }
            Span talk = agentTalk(r.pick(Clients.AGENTS), r.between(90, 1500));
            endAt(talk.end());
        }

        void internalCall() {
            internal = true;
            inbound = false;
            String caller = r.pick(Clients.AGENTS);
            String callee = other(r, caller);
            cursor = cursor.plusSeconds(r.between(3, 15));
            Instant talkStart = cursor;
            int seconds = r.between(60, 900);
            agents.add(caller);
            agentSegments.add(List.of(new Segment("interact", talkStart, talkStart.plusSeconds(seconds))));
            talks.add(new Span(talkStart, talkStart.plusSeconds(seconds)));
            agents.add(callee);
            agentSegments.add(List.of(new Segment("alert", start, talkStart),
                    new Segment("interact", talkStart, talkStart.plusSeconds(seconds))));
            cursor = talkStart.plusSeconds(seconds);
            endAt(cursor);
            say("Advisor " + caller + " calls colleague " + callee + " on an internal line");
        }

        void ivrMenu(List<String> path) {
            ivrParticipant = true;
            flowName = firmLine.startsWith("+1") ? "US Client Line IVR" : "UK Main IVR";
            menuPath.addAll(path);
            ivrSpan = new Span(cursor, null);
            cursor = cursor.plusSeconds(r.between(8, 25));
        }

        void ivrFlowWithoutCapture() {
            ivrParticipant = true;
            flowName = "After Hours Announcement";
            ivrSpan = new Span(cursor, null);
            cursor = cursor.plusSeconds(r.between(8, 25));
        }

        void dtmf(String digit, String prompt) {
            if (!ivrParticipant) {
                ivrMenu(List.of(prompt.equals("recording-consent") ? "consent" : "main"));
            }
            dtmf.add(new Dtmf(digit, prompt, cursor));
            if (prompt.equals("recording-consent")) {
                consentAnswers.add(digit);
            }
            cursor = cursor.plusSeconds(r.between(3, 10));
        }

        void ivrEnd() {
            ivrSpan = new Span(ivrSpan.start(), cursor);
        }

        void queue() {
            Instant from = cursor;
            cursor = cursor.plusSeconds(r.between(5, 60));
            queueSpan = new Span(from, cursor);
        }

        Span agentTalk(String agent, int seconds) {
            Instant alert = cursor;
            cursor = cursor.plusSeconds(r.between(3, 12));
            return agentTalkFrom(agent, cursor, seconds, alert);
        }

        Span agentTalkFrom(String agent, Instant from, int seconds) {
            return agentTalkFrom(agent, from, seconds, from.minusSeconds(r.between(3, 8)));
        }

        private Span agentTalkFrom(String agent, Instant from, int seconds, Instant alert) {
            Span talk = new Span(from, from.plusSeconds(seconds));
            agents.add(agent);
            agentSegments.add(List.of(new Segment("alert", alert, from), new Segment("interact", talk.start(), talk.end()),
                    new Segment("wrapup", talk.end(), talk.end().plusSeconds(r.between(10, 90)))));
            talks.add(talk);
            cursor = talk.end();
            return talk;
        }

        void endAt(Instant t) {
            end = t;
        }

        void record(Span span, String region) {
            Instant from = span.start();
            Instant to = span.end();
            recordings.add(new Recording("r-" + shortId() + "-" + (recordings.size() + 1), null, "audio",
                    r.chance(0.1) ? "ARCHIVED" : "AVAILABLE", from, to, region));
        }

        /** Every advisor's talk time is recorded; some recordings carry no times (they then cover the call). */
        void recordTalkInFull() {
            String region = storageRegion();
            boolean untimed = r.chance(0.08);
            for (Span t : talks) {
                if (untimed) {
                    recordings.add(new Recording("r-" + shortId() + "-" + (recordings.size() + 1), null, "audio", "AVAILABLE",
                            null, null, region));
                } else {
                    record(t, region);
                }
            }
        }

        void stop(Instant at, Instant resumedAt, String by, String justification) {
            stops.add(new RecordingStop(at, resumedAt, by, justification));
        }

        void consentAttribute(String value) {
            consentAttribute(clients.get(0), value);
        }

        void consentAttribute(Client client, String value) {
            clientAttributes.get(clients.indexOf(client)).put("recordingConsent", value);
            consentAnswers.add(value);
        }

        /** Holds in force for other people or other dates: they must not hold this call. */
        void backgroundHolds() {
            if (!r.chance(0.35)) {
                return;
            }
            int n = r.between(1, 3);
            for (int i = 0; i < n; i++) {
                String id = "LH-" + r.between(3000, 9999);
                switch (r.nextInt(3)) {
                    case 0 -> holds.add(new LegalHold(id, List.of(r.pick(Clients.FORMER_STAFF)), null, null, List.of()));
                    case 1 -> holds.add(new LegalHold(id, List.of(), LocalDate.of(2025, r.between(1, 6), 1),
                            LocalDate.of(2025, r.between(7, 12), 28), List.of()));
                    default -> holds.add(new LegalHold(id, List.of(), null, null, List.of("project osprey")));
                }
            }
        }

        // -- the result

        GeneratedFixture finish(String name, Scenario scenario) {
            if (end == null) {
                end = cursor;
            }
            String direction = !internal && inbound ? "inbound" : "outbound";
            Conversation conversation = new Conversation(id, start, end, direction, participants());
            Ivr ivr = flowName == null ? Ivr.NONE : new Ivr(flowName, menuPath, dtmf);
            Bundle bundle = new Bundle(conversation, recordings, stops, ivr, transcript(), holds,
                    end.plusSeconds(r.between(60, 1800)), true);
            Expectation expect = expectation(ivr);
            return new GeneratedFixture(name, scenario, description(), bundle, expect);
        }

        private List<Participant> participants() {
            List<Participant> out = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                Client c = clients.get(i);
                boolean in = clientInbound.get(i);
                String ani = in ? c.number() : firmLine;
                String dnis = in ? firmLine : c.number();
                out.add(new Participant("p-" + shortId() + "-c" + (i + 1), r.chance(0.9) ? "customer" : "external", null,
                        clientAttributes.get(i), List.of(new Session(null, "voice", in ? "inbound" : "outbound", "tel:" + ani, "tel:" + dnis,
                                null, List.of(new Segment("interact", clientJoined.get(i), end))))));
            }
            if (ivrParticipant) {
                out.add(new Participant("p-" + shortId() + "-ivr", "ivr", null, Map.of(), List.of(new Session(null, "voice", "inbound",
                        null, null, null, List.of(new Segment("ivr", ivrSpan.start(), ivrSpan.end() == null ? end : ivrSpan.end()))))));
            }
            if (queueSpan != null) {
                out.add(new Participant("p-" + shortId() + "-acd", "acd", null, Map.of(), List.of(new Session(null, "voice", "inbound",
                        null, null, null, List.of(new Segment("interact", queueSpan.start(), queueSpan.end()))))));
            }
            for (int i = 0; i < agents.size(); i++) {
                boolean recorded = recordings.stream().anyMatch(rec -> "AVAILABLE".equals(rec.fileState()) || "ARCHIVED".equals(rec.fileState()));
                out.add(new Participant("p-" + shortId() + "-a" + (i + 1), internal && i == 1 ? "user" : "agent", agents.get(i),
                        Map.of(), List.of(new Session(null, "voice", internal ? (i == 0 ? "outbound" : "inbound") : inbound ? "inbound" : "outbound",
                                null, null, recorded, agentSegments.get(i)))));
            }
            return out;
        }

        private List<Utterance> transcript() {
            if (talks.isEmpty()) {
                return List.of();
            }
            List<Utterance> lines = new ArrayList<>();
            int n = r.between(6, 12) * transcriptScale;
            for (int i = 0; i < n; i++) {
                boolean agent = i % 2 == 0;
                String text = agent ? r.pick(Transcripts.AGENT) : r.pick(Transcripts.CLIENT);
                if (r.chance(0.05)) {
                    text = r.pick(Transcripts.NEAR_MISSES);
                }
                lines.add(new Utterance(agent ? "agent" : internal ? "user" : "customer", 0, text));
            }
            for (Utterance special : specialLines) {
                lines.add(r.between(1, lines.size()), special);
            }
            Span talk = talks.get(0);
            long from = (talk.start().toEpochMilli() - start.toEpochMilli());
            long span = Math.max(1, end.toEpochMilli() - talk.start().toEpochMilli());
            List<Utterance> timed = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Utterance u = lines.get(i);
                timed.add(new Utterance(u.purpose(), from + span * i / lines.size(), u.text()));
            }
            return timed;
        }

        private String description() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < story.size(); i++) {
                String s = story.get(i);
                boolean runsOn = s.startsWith("and ") || s.startsWith("but ") || s.startsWith("after ") || s.startsWith("on ");
                sb.append(i == 0 ? s : (runsOn ? " " : ", ") + s);
            }
            return sb.append(summary).append('.').toString();
        }

        /** What POLICY.md section 3 decides for the conversation this scenario describes. */
        private Expectation expectation(Ivr ivr) {
            boolean consentRequired = clients.stream().anyMatch(c -> c.consentRegion() != null);
            boolean usableRecording = recordings.stream().anyMatch(rec -> "AVAILABLE".equals(rec.fileState())
                    || "ARCHIVED".equals(rec.fileState()));
            String consent;
            if (!consentRequired) {
                consent = "NOT_REQUIRED";
            } else if (consentAnswers.isEmpty()) {
                consent = "NOT_CAPTURED";
            } else if (consentAnswers.stream().allMatch("1"::equals)) {
                consent = "GIVEN";
            } else {
                consent = "REFUSED";
            }
            if (consent.equals("REFUSED")) {
                recording = "PROHIBITED";
                if (usableRecording) {
                    violations.add("RECORDED_WITHOUT_CONSENT");
                }
            }
            if (consent.equals("NOT_CAPTURED") && usableRecording) {
                violations.add("CONSENT_NOT_CAPTURED");
            }
            String zone = zone();
            String archiveRegion = zone.equals("US") ? "us-east-1" : HOME_REGION;
            boolean held = !holdReasons.isEmpty();
            Set<String> actions = new TreeSet<>();
            Set<String> absent = new TreeSet<>();
            // POLICY v2: every final conversation is archived, recorded or not (generated bundles are settled).
            actions.add("ARCHIVE");
            (consentRequired || !consentAnswers.isEmpty() ? actions : absent).add("RECORD_CONSENT");
            if (consent.equals("REFUSED")) {
                boolean queueLine = NON_RECORDED_LINE.equals(firmLine);
                (queueLine ? actions : absent).add("ROUTE_TO_NON_RECORDED_QUEUE");
                (queueLine ? absent : actions).add("DISCONNECT");
            } else {
                absent.add("ROUTE_TO_NON_RECORDED_QUEUE");
                absent.add("DISCONNECT");
            }
            (held ? actions : absent).add("APPLY_LEGAL_HOLD");
            (violations.isEmpty() ? absent : actions).add("ALERT");
            if (held || !violations.isEmpty()) {
                actions.add("QUEUE_FOR_QA");
            }
            summary = summary(consent, zone);
            LocalDate endDate = end.atOffset(ZoneOffset.UTC).toLocalDate();
            return new Expectation(recording, consent, zone, archiveRegion, held,
                    endDate.plusYears(RETENTION_YEARS).toString(), List.copyOf(violations), List.copyOf(holdReasons),
                    List.copyOf(actions), List.copyOf(absent), true);
        }

        private String summary(String consent, String zone) {
            String s = ": recording " + recording + ", consent " + consent + ", zone " + zone;
            if (!violations.isEmpty()) {
                s += ", " + String.join(" and ", violations);
            }
            if (!holdReasons.isEmpty()) {
                s += ", held (" + String.join(", ", holdReasons) + ")";
            }
            return s;
        }
    }

    // ---------------------------------------------------------------- who calls

    /**
     * A client: residency zone per POLICY.md's default tables, E.164 number, the all-party-consent
     * region that applies (null when none) and the attributes the CRM put on the participant.
     */
    record Client(String zone, String city, String number, String consentRegion, Map<String, String> attributes) {
        String description() {
            String who = switch (zone) {
                case "US" -> consentRegion != null ? "A caller from " + city + " (all-party consent, " + consentRegion + ")"
                        : "A client from " + city;
                default -> "A client from " + city;
            };
            return attributes.isEmpty() ? who : who + " " + attributes;
        }
    }

    static final class Clients {
        static final List<String> AGENTS = numbered("u-adv-", 40);
        static final List<String> FORMER_STAFF = numbered("u-former-", 12);

        private static List<String> numbered(String prefix, int n) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                out.add(prefix + String.format("%02d", i));
            }
            return List.copyOf(out);
        }

        private record Place(String city, String zone, Function<SplitMix, String> number) {}

        private static final List<Place> UK = List.of(
                new Place("London", "UK", r -> "+4420794600" + r.digits(2)),
                new Place("Manchester", "UK", r -> "+441614960" + r.digits(3)),
                new Place("a UK mobile", "UK", r -> "+447700900" + r.digits(3)),
                new Place("Jersey", "UK", r -> "+441534" + r.between(400000, 899999)));
        private static final List<Place> EU = List.of(
                new Place("Berlin", "EU", r -> "+4930" + r.digits(8)),
                new Place("Paris", "EU", r -> "+331" + r.digits(8)),
                new Place("Dublin", "EU", r -> "+3531" + r.digits(7)),
                new Place("Amsterdam", "EU", r -> "+3120" + r.digits(7)),
                new Place("Madrid", "EU", r -> "+3491" + r.digits(7)),
                new Place("Milan", "EU", r -> "+3902" + r.digits(8)));
        private static final List<Place> OTHER = List.of(
                new Place("Zurich", "OTHER", r -> "+4144" + r.digits(7)),
                new Place("Singapore", "OTHER", r -> "+656" + r.digits(7)),
                new Place("Tokyo", "OTHER", r -> "+813" + r.digits(8)),
                new Place("Toronto", "OTHER", r -> "+141655501" + r.digits(2)));
        /** One-party-consent area codes (not in consent/nanp-area-codes.csv). */
        private static final List<String[]> US_ONE_PARTY = List.of(
                new String[] {"New York", "212"}, new String[] {"New York", "646"}, new String[] {"Dallas", "214"},
                new String[] {"Atlanta", "404"}, new String[] {"Austin", "512"});
        /** All-party-consent area codes and their regions (consent/nanp-area-codes.csv). */
        private static final List<String[]> US_CONSENT = List.of(
                new String[] {"San Francisco", "415", "US-CA"}, new String[] {"Los Angeles", "310", "US-CA"},
                new String[] {"Los Angeles", "213", "US-CA"}, new String[] {"Miami", "305", "US-FL"},
                new String[] {"Chicago", "312", "US-IL"}, new String[] {"Boston", "617", "US-MA"},
                new String[] {"Philadelphia", "215", "US-PA"}, new String[] {"Seattle", "206", "US-WA"},
                new String[] {"Baltimore", "410", "US-MD"}, new String[] {"New Hampshire", "603", "US-NH"},
                new String[] {"Montana", "406", "US-MT"});

        private static Client at(SplitMix r, List<Place> places) {
            Place p = r.pick(places);
            return new Client(p.zone(), p.city(), p.number().apply(r), null, Map.of());
        }

        static Client uk(SplitMix r) {
            return at(r, UK);
        }

        static Client eu(SplitMix r) {
            return at(r, EU);
        }

        static Client other(SplitMix r) {
            return at(r, OTHER);
        }

        /** A UK client calling from a number abroad; the CRM's clientCountry GB decides. */
        static Client ukByAttribute(SplitMix r) {
            Client abroad = at(r, r.chance(0.5) ? OTHER : EU);
            return new Client("UK", abroad.city() + " (a UK client abroad)", abroad.number(), null, Map.of("clientCountry", "GB"));
        }

        /** An EU client on a UK mobile; clientCountry decides. */
        static Client euByAttribute(SplitMix r) {
            String country = r.pick(List.of("FR", "DE", "IE", "NL"));
            return new Client("EU", "a UK mobile (client country " + country + ")", "+447700900" + r.digits(3), null,
                    Map.of("clientCountry", country.toLowerCase(java.util.Locale.ROOT)));
        }

        static Client usOneParty(SplitMix r) {
            String[] p = r.pick(US_ONE_PARTY);
            return new Client("US", p[0], "+1" + p[1] + "55501" + r.digits(2), null, Map.of());
        }

        /** A number in an all-party-consent state whose CRM region (a one-party state) overrides it. */
        static Client usOnePartyByAttribute(SplitMix r) {
            String[] p = r.pick(US_CONSENT);
            return new Client("US", p[0] + " (client region US-NY)", "+1" + p[1] + "55501" + r.digits(2), null,
                    Map.of("clientRegion", "US-NY"));
        }

        static Client usConsent(SplitMix r) {
            if (r.chance(0.15)) {
                // A New York number whose CRM record places the client in California.
                String[] p = r.pick(US_ONE_PARTY);
                return new Client("US", p[0] + " (client region US-CA)", "+1" + p[1] + "55501" + r.digits(2), "US-CA",
                        Map.of("clientRegion", "us-ca"));
            }
            String[] p = r.pick(US_CONSENT);
            return new Client("US", p[0], "+1" + p[1] + "55501" + r.digits(2), p[2], Map.of());
        }

        static Client anyWithoutConsent(SplitMix r) {
            int x = r.nextInt(100);
            if (x < 45) {
                return uk(r);
            } else if (x < 70) {
                return eu(r);
            } else if (x < 92) {
                return usOneParty(r);
            }
            return other(r);
        }
    }

    /** Lines of advisory and trading talk. None contains a risk phrase or a hold term; NEAR_MISSES come close. */
    static final class Transcripts {
        static final List<String> AGENT = List.of(
                "Good morning, this is the advisory desk, this call is recorded.",
                "Can I confirm your account number and date of birth, please?",
                "The fund has returned four point two percent year to date.",
                "I can place that order at the market open.",
                "The spread on that bond is currently forty basis points.",
                "Let me read back the order: buy two thousand shares at limit.",
                "Past performance is not a reliable indicator of future results.",
                "I will send the key information document by email today.",
                "Is there anything else I can help you with?",
                "The settlement date is two business days from today.",
                "We would need your suitability questionnaire updated first.",
                "The coupon is paid semi-annually.");
        static final List<String> CLIENT = List.of(
                "Hi, I'd like to talk about my portfolio.",
                "Yes, that's correct.",
                "What are the fees on that product?",
                "Please go ahead and place the order.",
                "Can you tell me about the risk rating?",
                "I'd rather wait until after the earnings call.",
                "How liquid is that position if I need to sell?",
                "Thanks, that's all for today.",
                "Could you email me the confirmation?",
                "What's the current yield?");
        /** Close to the default lexicon but not it: POLICY.md's word boundaries keep these from matching. */
        static final List<String> NEAR_MISSES = List.of(
                "Returns are never guaranteed, and the return on this fund varies.",
                "Our private placements desk handles that, not me.",
                "That's a guaranteed returnable deposit, refunded at close.",
                "It was placed privately, a placement with three investors.");
    }

    /** For tests and tools: the scenario weights as a map, in declaration order. */
    public static Map<Scenario, Integer> weights() {
        Map<Scenario, Integer> out = new LinkedHashMap<>();
        for (Scenario s : Scenario.values()) {
            out.put(s, s.weight());
        }
        return out;
    }
}
