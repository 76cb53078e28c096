package com.recguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.model.LegalHold;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldIndexTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 2);

    static final List<LegalHold> REGISTER = List.of(
            new LegalHold("LH-user", List.of("u-7"), LocalDate.of(2027, 1, 1), null, List.of()),
            new LegalHold("LH-other-user", List.of("u-9"), null, null, List.of()),
            new LegalHold("LH-march", List.of(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), List.of()),
            new LegalHold("LH-april", List.of(), LocalDate.of(2026, 4, 1), null, List.of()),
            new LegalHold("LH-term", List.of(), null, null, List.of("project osprey")),
            new LegalHold("LH-term-in-april", List.of(), LocalDate.of(2026, 4, 1), null, List.of("project osprey")));

    @Test
    void a_call_meets_only_the_holds_whose_first_criterion_it_meets_in_register_order() {
        HoldIndex index = HoldIndex.of(REGISTER);
        assertThat(index.candidates(List.of("u-7"), MARCH, Set.of("LH-term", "LH-term-in-april")))
                .extracting(LegalHold::id)
                // LH-user is a candidate although its dates will not match: the rule checks every criterion.
                .containsExactly("LH-user", "LH-march", "LH-term");
    }

    @Test
    void a_call_by_nobody_named_on_no_named_date_saying_no_term_meets_no_hold() {
        assertThat(HoldIndex.of(REGISTER).candidates(List.of("u-1"), LocalDate.of(2025, 1, 1), Set.of())).isEmpty();
    }

    @Test
    void terms_of_every_hold_are_matched_and_name_their_holds() {
        HoldIndex index = HoldIndex.of(REGISTER);
        assertThat(index.holdIdsNaming("project osprey")).containsExactly("LH-term", "LH-term-in-april");
        assertThat(index.terms().find("it is about Project Osprey.")).hasSize(1);
    }
}
