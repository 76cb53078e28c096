package com.recguard.core;

import com.recguard.facts.ActionRequest;
import com.recguard.facts.ArchiveRegion;
import com.recguard.facts.ConsentStatus;
import com.recguard.facts.Finding;
import com.recguard.facts.HoldReason;
import com.recguard.facts.PhraseHit;
import com.recguard.facts.Provisional;
import com.recguard.facts.RecordingStatus;
import com.recguard.facts.ResidencyZone;
import com.recguard.facts.RetainUntil;
import com.recguard.facts.Setting;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.Evidence;
import com.recguard.model.Violation;
import com.recguard.rules.Conclusions;
import com.recguard.rules.RulePack;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Bundle in, decision out. Thread-safe; the same bundle and rule pack give an equal decision
 * (all lists sorted, nothing read from the clock).
 */
public final class Evaluator {

    private final RulePack pack;
    private final FactBuilder factBuilder;

    public Evaluator(RulePack pack) {
        this.pack = pack;
        this.factBuilder = new FactBuilder(pack.lexicon(), homeCountry(pack));
    }

    /** The country of national numbers: residency/settings.csv {@code homeCountry} (none: national numbers are unknown). */
    private static String homeCountry(RulePack pack) {
        return pack.tableFacts().stream()
                .filter(f -> f instanceof Setting s && s.table().equals("residency") && s.key().equals("homeCountry"))
                .map(f -> ((Setting) f).value()).findFirst().orElse(null);
    }

    public RulePack pack() {
        return pack;
    }

    /** The facts the rules see for this bundle (for explanations). */
    public List<Object> facts(Bundle bundle) {
        return factBuilder.facts(bundle);
    }

    public Decision evaluate(Bundle bundle) {
        Conclusions c = pack.run(factBuilder.facts(bundle));
        List<String> holdReasons = c.all(HoldReason.class).stream().map(HoldReason::reason).distinct().sorted().toList();
        List<Violation> violations = c.all(Finding.class).stream()
                .map(f -> new Violation(f.code(), c.ruleOf(f), f.detail()))
                .sorted(Comparator.comparing(Violation::code).thenComparing(Violation::rule).thenComparing(Violation::detail))
                .toList();
        List<Action> actions = c.all(ActionRequest.class).stream()
                .map(a -> new Action(a.type(), new TreeMap<>(a.params())))
                .sorted(Comparator.comparing(Action::type).thenComparing(a -> a.params().toString()))
                .toList();
        List<Evidence> evidence = c.all(HoldReason.class).stream().filter(h -> h.hit() != null)
                .map(h -> evidence(h.reason(), h.hit()))
                .sorted(Comparator.comparing(Evidence::reason).thenComparingInt(Evidence::utterance)
                        .thenComparingInt(Evidence::offset))
                .toList();
        List<String> fired = c.factsByRule().values().stream().distinct().sorted().toList();
        return new Decision(
                bundle.conversation().conversationId(),
                single(c, RecordingStatus.class, RecordingStatus::value),
                single(c, ConsentStatus.class, ConsentStatus::value),
                single(c, ResidencyZone.class, ResidencyZone::zone),
                single(c, ArchiveRegion.class, ArchiveRegion::region),
                !holdReasons.isEmpty(),
                holdReasons,
                c.all(RetainUntil.class).stream().map(RetainUntil::date).max(Comparator.naturalOrder()).orElse(null),
                violations,
                actions,
                evidence,
                c.all(Provisional.class).isEmpty(),
                pack.sha256(),
                fired);
    }

    private static Evidence evidence(String reason, PhraseHit hit) {
        return new Evidence(reason, hit.phrase(), hit.utterance(), hit.offset(), hit.snippet());
    }

    /**
     * The one value the rules concluded for a field. Two different values mean two rules of the
     * pack contradict each other, which the pack's fixtures must catch: that is an error, not
     * something Java may settle.
     */
    private static <T> String single(Conclusions c, Class<T> type, Function<T, String> value) {
        List<String> values = c.all(type).stream().map(value).distinct().sorted().toList();
        if (values.size() > 1) {
            throw new ContradictionException(type.getSimpleName() + " concluded as " + values + " by rules "
                    + c.all(type).stream().map(c::ruleOf).distinct().sorted().toList());
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Two rules concluded different values for one decision field. */
    public static final class ContradictionException extends IllegalStateException {
        public ContradictionException(String message) {
            super("the rule pack contradicts itself: " + message);
        }
    }
}
