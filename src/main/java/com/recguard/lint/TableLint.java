package com.recguard.lint;

import com.recguard.facts.AllowedStorage;
import com.recguard.facts.AreaCode;
import com.recguard.facts.ConsentJurisdiction;
import com.recguard.facts.CountryZone;
import com.recguard.facts.ZoneArchive;
import com.recguard.phrase.PhraseMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds table rows no rule can use and lexicon phrases that contain each other. The zones
 * OTHER and INTERNAL are produced by rules themselves, so they need no country row.
 */
public final class TableLint {

    private static final Set<String> RULE_MADE_ZONES = Set.of("OTHER", "INTERNAL");

    private TableLint() {}

    public static List<LintFinding> lint(Path packDir, List<Object> tableFacts, List<String> lexicon) {
        List<LintFinding> out = new ArrayList<>();
        Set<String> jurisdictions = regions(tableFacts);
        Set<String> zonesWithRegion = of(tableFacts, ZoneArchive.class).stream().map(ZoneArchive::zone).collect(Collectors.toSet());
        Set<String> zonesReachable = of(tableFacts, CountryZone.class).stream().map(CountryZone::zone).collect(Collectors.toSet());
        zonesReachable.addAll(RULE_MADE_ZONES);

        for (AreaCode a : of(tableFacts, AreaCode.class)) {
            if (!jurisdictions.contains(a.region())) {
                out.add(at(packDir, "consent/nanp-area-codes.csv", a.code() + ",", "area code " + a.code() + " maps to "
                        + a.region() + ", which is not in consent/jurisdictions.csv, so no rule uses it"));
            }
        }
        for (CountryZone c : of(tableFacts, CountryZone.class)) {
            if (!zonesWithRegion.contains(c.zone())) {
                out.add(at(packDir, "residency/country-zones.csv", c.country() + ",", "zone " + c.zone()
                        + " has no row in residency/zone-archive-regions.csv, so " + c.country() + " gets no archive region"));
            }
        }
        for (ZoneArchive z : of(tableFacts, ZoneArchive.class)) {
            if (!zonesReachable.contains(z.zone())) {
                out.add(at(packDir, "residency/zone-archive-regions.csv", z.zone() + ",", "zone " + z.zone()
                        + " is given to no country in residency/country-zones.csv, so this row is never used"));
            }
        }
        for (AllowedStorage s : of(tableFacts, AllowedStorage.class)) {
            if (!zonesWithRegion.contains(s.zone())) {
                out.add(at(packDir, "residency/allowed-storage-regions.csv", s.zone() + ",", "zone " + s.zone()
                        + " is not a zone of residency/zone-archive-regions.csv, so this row is never used"));
            }
        }
        for (String inner : lexicon) {
            PhraseMatcher m = PhraseMatcher.of(List.of(inner));
            for (String outer : lexicon) {
                if (!outer.equals(inner) && !m.find(outer).isEmpty()) {
                    out.add(at(packDir, "holds/risk-lexicon.csv", outer, "\"" + outer + "\" contains \"" + inner
                            + "\": every conversation it holds is already held by the shorter phrase"));
                }
            }
        }
        return out;
    }

    private static Set<String> regions(List<Object> facts) {
        return of(facts, ConsentJurisdiction.class).stream().map(ConsentJurisdiction::region).collect(Collectors.toSet());
    }

    private static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A finding on the first line of the table that starts with {@code rowStart}. */
    private static LintFinding at(Path packDir, String file, String rowStart, String message) {
        return new LintFinding(file, lineOf(packDir.resolve(file), l -> l.trim().startsWith(rowStart)), message);
    }

    private static int lineOf(Path file, Predicate<String> test) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (test.test(lines.get(i))) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
