package com.recguard.generate;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of conversation the generator draws, with weights that roughly follow a trading
 * floor's day: mostly clean client calls, a steady trickle of consent questions, internal calls
 * and pauses, and a few percent of the failures the policy exists for. Weights are per 1,000.
 */
public enum Scenario {
    CLEAN_UK("clean-uk", 200, "A UK client's call, recorded in full"),
    CLEAN_EU("clean-eu", 90, "An EU client's call, recorded in full"),
    CLEAN_US("clean-us", 70, "A US client in a one-party-consent state, recorded in full"),
    OTHER_ZONE("other-zone", 30, "A client outside the UK, EU and US, recorded in full"),
    CONSENT_GIVEN("consent-given", 80, "A caller from an all-party-consent state agrees to recording"),
    CONSENT_REFUSED("consent-refused", 45, "A caller from an all-party-consent state refuses recording"),
    CONSENT_NOT_CAPTURED("consent-not-captured", 30, "A caller from an all-party-consent state is recorded without being asked"),
    INTERNAL("internal", 60, "An internal call between two staff, recorded"),
    TEST_CALL("test-call", 25, "An internal test call stopped as INTERNAL_TEST_CALL"),
    PCI_PAUSE("pci-pause", 50, "Recording paused while card details are taken"),
    GAP("gap", 35, "The recording misses part of the advisor's talk time"),
    UNJUSTIFIED_STOP("unjustified-stop", 25, "The advisor stops recording without a justification"),
    UNAPPROVED_EXEMPTION("unapproved-exemption", 20, "A stop justified with a code not allowed on the call"),
    MISSING_RECORDING("missing-recording", 35, "An advisor's call with no usable recording"),
    IVR_ONLY("ivr-only", 50, "A caller who never reaches an advisor"),
    RISK_PHRASE("risk-phrase", 40, "A risk-lexicon phrase is said on the call"),
    LEGAL_HOLD("legal-hold", 40, "A legal hold in force covers the call"),
    CONFERENCE("conference", 45, "A transfer or conference: several advisors or clients"),
    RESIDENCY_CONFLICT("residency-conflict", 30, "A UK or EU client's call stored outside the EU");

    private final String slug;
    private final int weight;
    private final String summary;

    Scenario(String slug, int weight, String summary) {
        this.slug = slug;
        this.weight = weight;
        this.summary = summary;
    }

    public String slug() {
        return slug;
    }

    /** Share of generated fixtures, per 1,000. */
    public int weight() {
        return weight;
    }

    public String summary() {
        return summary;
    }

    static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(Scenario::weight).sum();

    static Scenario draw(SplitMix r) {
        int x = r.nextInt(TOTAL_WEIGHT);
        for (Scenario s : values()) {
            x -= s.weight;
            if (x < 0) {
                return s;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    public static List<Scenario> all() {
        return List.of(values());
    }
}
