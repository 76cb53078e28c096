package com.recguard.service;

import com.recguard.facts.QaSample;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The seed's monthly calibration: the same few recordings of the month go to every evaluator, and
 * how far their scores spread is tracked month by month. The set is drawn deterministically
 * (hash of the seed, "calibration" and the conversation id), so a re-run picks the same ones, and
 * each calibration is created once (kept in the store).
 */
public final class MonthlyCalibration {

    /** One month: how many calibrations, how many scored, the mean and the widest score spread. */
    public record Alignment(String month, int calibrations, int scored, Double meanSpread, Integer maxSpread) {}

    private final DecisionStore store;
    private final QualityProgram quality;
    private final List<String> evaluators;
    private final int perMonth;
    private final String seed;

    public MonthlyCalibration(DecisionStore store, QualityProgram quality, List<String> evaluators, int perMonth, String seed) {
        this.store = store;
        this.quality = quality;
        this.evaluators = List.copyOf(evaluators);
        this.perMonth = perMonth;
        this.seed = seed;
    }

    /** Creates the month's calibrations that do not exist yet; returns their ids. */
    public List<String> run(YearMonth month) throws ActionException {
        List<DecisionStore.Staffed> candidates = new ArrayList<>(store.staffedConversations(month.toString()));
        candidates.sort(Comparator.comparingDouble((DecisionStore.Staffed c) -> QaSample.draw(seed, "calibration:" + c.conversationId(),
                month.toString())).thenComparing(DecisionStore.Staffed::conversationId));
        List<String> created = new ArrayList<>();
        for (DecisionStore.Staffed c : candidates.subList(0, Math.min(perMonth, candidates.size()))) {
            if (store.calibrationOf(c.conversationId()) == null) {
                String id = quality.createCalibration(c.conversationId(), c.agentUserId(), evaluators);
                store.calibrated(month.toString(), c.conversationId(), id);
                created.add(id);
            }
        }
        return created;
    }

    /** Evaluator alignment over time, oldest month first. */
    public List<Alignment> alignment() throws ActionException {
        List<Alignment> out = new ArrayList<>();
        for (var entry : store.calibrationsByMonth().entrySet()) {
            List<Integer> spreads = new ArrayList<>();
            for (String id : entry.getValue()) {
                Integer spread = quality.scores(id).spread();
                if (spread != null) {
                    spreads.add(spread);
                }
            }
            OptionalDouble mean = spreads.stream().mapToInt(Integer::intValue).average();
            out.add(new Alignment(entry.getKey(), entry.getValue().size(), spreads.size(),
                    mean.isPresent() ? mean.getAsDouble() : null,
                    spreads.stream().max(Integer::compare).orElse(null)));
        }
        return out;
    }
}
