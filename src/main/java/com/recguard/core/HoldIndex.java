package com.recguard.core;

import com.recguard.model.LegalHold;
import com.recguard.phrase.PhraseMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal holds in force, indexed by what they name, so that a call meets only the holds that
 * can match it: a hold naming users is a candidate only when one of them took part as staff; one
 * naming no users but dates, only when the call's start date is in its range; one naming terms
 * alone, only when one of its terms was said. The rule (HLD-002) still checks every criterion of
 * every candidate: the index only leaves out holds whose first criterion already fails, so
 * decisions are the same with 1 hold in force or 10,000, and the cost stays flat.
 */
final class HoldIndex {

    private static final int[] NONE = new int[0];

    private final List<LegalHold> holds;
    private final Map<String, int[]> byUser = new HashMap<>();
    private final int[] datedWithoutUsers;
    private final Map<String, List<Integer>> positionsOfId = new HashMap<>();
    private final Map<String, List<String>> holdIdsByTerm = new LinkedHashMap<>();
    private final PhraseMatcher terms;

    private HoldIndex(List<LegalHold> holds) {
        this.holds = holds;
        Map<String, List<Integer>> users = new HashMap<>();
        List<Integer> dated = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            LegalHold h = holds.get(i);
            positionsOfId.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(i);
            for (String u : h.userIds()) {
                users.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
            }
            if (!h.namesUsers() && h.namesDates()) {
                dated.add(i);
            }
            for (String t : h.terms()) {
                holdIdsByTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(h.id());
            }
        }
        users.forEach((u, at) -> byUser.put(u, at.stream().mapToInt(Integer::intValue).toArray()));
        datedWithoutUsers = dated.stream().mapToInt(Integer::intValue).toArray();
        terms = PhraseMatcher.of(holdIdsByTerm.keySet().stream().sorted().toList());
    }

    static HoldIndex of(List<LegalHold> holds) {
        return new HoldIndex(holds);
    }

    List<LegalHold> holds() {
        return holds;
    }

    /** Every hold term, for the phrase matcher (matched like the lexicon). */
    PhraseMatcher terms() {
        return terms;
    }

    /** The holds that name this term. */
    List<String> holdIdsNaming(String term) {
        return holdIdsByTerm.getOrDefault(term, List.of());
    }

    /**
     * The holds that can match a call, in register order.
     *
     * @param staffUsers   the users who took part as staff
     * @param startDate    the UTC date of the call's start
     * @param heldByTerms  ids of the holds one of whose terms was said
     */
    List<LegalHold> candidates(Collection<String> staffUsers, LocalDate startDate, Set<String> heldByTerms) {
        BitSet chosen = new BitSet(holds.size());
        for (String u : staffUsers) {
            for (int i : byUser.getOrDefault(u, NONE)) {
                chosen.set(i);
            }
        }
        for (int i : datedWithoutUsers) {
            if (holds.get(i).covers(startDate)) {
                chosen.set(i);
            }
        }
        for (String id : heldByTerms) {
            for (int i : positionsOfId.getOrDefault(id, List.of())) {
                if (!holds.get(i).namesUsers() && !holds.get(i).namesDates()) {
                    chosen.set(i);
                }
            }
        }
        List<LegalHold> out = new ArrayList<>(chosen.cardinality());
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            out.add(holds.get(i));
        }
        return out;
    }
}
