package com.recguard.tables;

import com.recguard.config.facts.ApprovedPolicy;
import com.recguard.config.facts.RequiredPermission;
import com.recguard.facts.AllowedStorage;
import com.recguard.facts.AreaCode;
import com.recguard.facts.ConsentJurisdiction;
import com.recguard.facts.CountryZone;
import com.recguard.facts.ExemptionCode;
import com.recguard.facts.NonRecordedQueue;
import com.recguard.facts.RetentionClass;
import com.recguard.facts.Setting;
import com.recguard.facts.ZoneArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data tables analysts edit under {@code rules/}: CSV with a header row, {@code #} comments
 * allowed. Each known file becomes facts the rules join against; the risk lexicon becomes the
 * phrase list of the Java matcher. A bad row is reported as {@code file:line: message}.
 */
public final class Tables {

    /** The facts of every table, the lexicon phrases, and any errors found while reading. */
    public record Loaded(List<Object> facts, List<String> lexicon, List<TableError> errors) {}

    private interface Row {
        Object convert(Cells c);
    }

    private record Spec(List<String> columns, Row row) {}

    private static final String LEXICON = "holds/risk-lexicon.csv";

    /** File (relative to rules/, with '/') to its columns and row converter. */
    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("recording/exemption-codes.csv", new Spec(
                List.of("code", "allowedIn", "exempts", "maxPauseSeconds", "description"),
                c -> new ExemptionCode(c.get("code"), c.oneOf("allowedIn", Set.of("ANY", "INTERNAL")),
                        c.bool("exempts"), c.optionalLong("maxPauseSeconds"), c.get("description"))));
        SPECS.put("recording/settings.csv", setting("recording"));
        SPECS.put("consent/jurisdictions.csv", new Spec(List.of("region", "name"),
                c -> new ConsentJurisdiction(c.get("region"), c.get("name"))));
        SPECS.put("consent/nanp-area-codes.csv", new Spec(List.of("areaCode", "region"),
                c -> new AreaCode(c.digits("areaCode", 3), c.get("region"))));
        SPECS.put("consent/non-recorded-queues.csv", new Spec(List.of("line", "queue"),
                c -> new NonRecordedQueue(c.get("line"), c.get("queue"))));
        SPECS.put("residency/country-zones.csv", new Spec(List.of("country", "zone"),
                c -> new CountryZone(c.get("country").toUpperCase(Locale.ROOT), c.get("zone"))));
        SPECS.put("residency/zone-archive-regions.csv", new Spec(List.of("zone", "archiveRegion", "rank"),
                c -> new ZoneArchive(c.get("zone"), c.get("archiveRegion"), c.integer("rank"))));
        SPECS.put("residency/settings.csv", setting("residency"));
        SPECS.put("residency/allowed-storage-regions.csv", new Spec(List.of("zone", "pattern"),
                c -> new AllowedStorage(c.get("zone"), c.get("pattern"))));
        SPECS.put(LEXICON, new Spec(List.of("phrase"), c -> c.get("phrase")));
        SPECS.put("retention/retention-classes.csv", new Spec(List.of("class", "years"),
                // Matched ignoring case (POLICY.md 1): the fact builder lower-cases the attribute too.
                c -> new RetentionClass(c.get("class").toLowerCase(Locale.ROOT), c.integer("years"))));
        SPECS.put("quality/sampling.csv", setting("quality"));
        SPECS.put("config/settings.csv", setting("config"));
        SPECS.put("config/required-permissions.csv", new Spec(List.of("permission", "purpose", "section"),
                c -> new RequiredPermission(c.permission("permission"), c.get("purpose"), c.get("section"))));
        SPECS.put("config/approved-policies.csv", new Spec(List.of("policy", "reason"),
                c -> new ApprovedPolicy(c.get("policy"), c.get("reason"))));
    }

    private static Spec setting(String table) {
        return new Spec(List.of("key", "value"), c -> new Setting(table, c.get("key"), c.get("value")));
    }

    private Tables() {}

    public static Set<String> knownFiles() {
        return SPECS.keySet();
    }

    /** Reads the given tables from their bytes ({@code contents} maps a file, relative with '/', to them). */
    public static Loaded load(List<String> csvFiles, Function<String, byte[]> contents) {
        List<Object> facts = new ArrayList<>();
        List<String> lexicon = new ArrayList<>();
        List<TableError> errors = new ArrayList<>();
        for (String file : csvFiles) {
            Spec spec = SPECS.get(file);
            if (spec == null) {
                errors.add(new TableError(file, 1, "not a known table; known tables are " + SPECS.keySet()));
                continue;
            }
            List<Object> rows = read(contents, file, spec, errors);
            if (file.equals(LEXICON)) {
                rows.forEach(r -> lexicon.add((String) r));
            } else {
                facts.addAll(rows);
            }
        }
        return new Loaded(facts, lexicon, errors);
    }

    private static List<Object> read(Function<String, byte[]> contents, String file, Spec spec, List<TableError> errors) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Object> out = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(contents.apply(file)),
                StandardCharsets.UTF_8.newDecoder());
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(spec.columns())) {
                errors.add(new TableError(file, 1, "header must name the columns " + spec.columns() + ", found " + header));
                return out;
            }
            for (CSVRecord rec : parser) {
                try {
                    out.add(spec.row().convert(new Cells(rec)));
                } catch (IllegalArgumentException e) {
                    errors.add(new TableError(file, rec.getParser().getCurrentLineNumber(), e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new TableError(file, 1, "cannot read: " + e.getMessage()));
        }
        return out;
    }

    /** One row, with conversions that explain what is wrong with a cell. */
    private record Cells(CSVRecord rec) {
        String get(String column) {
            String v = rec.isMapped(column) && rec.isSet(column) ? rec.get(column) : "";
            if (v.isEmpty() && !column.equals("description") && !column.equals("name")) {
                throw new IllegalArgumentException("column '" + column + "' is empty");
            }
            return v;
        }

        boolean bool(String column) {
            String v = get(column).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("column '" + column + "' must be true or false, not '" + v + "'");
            }
            return v.equals("true");
        }

        /** A whole number of at least 0, or null when the cell is blank (no limit). */
        Long optionalLong(String column) {
            String v = rec.isMapped(column) && rec.isSet(column) ? rec.get(column) : "";
            if (v.isEmpty()) {
                return null;
            }
            try {
                long n = Long.parseLong(v);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column '" + column + "' must be a whole number of at least 0 or"
                        + " blank (no limit), not '" + v + "'");
            }
        }

        int integer(String column) {
            try {
                return Integer.parseInt(get(column));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column '" + column + "' must be a whole number, not '" + get(column) + "'");
            }
        }

        String digits(String column, int length) {
            String v = get(column);
            if (!v.matches("\\d{" + length + "}")) {
                throw new IllegalArgumentException("column '" + column + "' must be " + length + " digits, not '" + v + "'");
            }
            return v;
        }

        String permission(String column) {
            String v = get(column);
            if (!v.matches("[A-Za-z0-9*]+:[A-Za-z0-9*]+:[A-Za-z0-9*]+")) {
                throw new IllegalArgumentException("column '" + column + "' must be domain:entity:action, not '" + v + "'");
            }
            return v;
        }

        String oneOf(String column, Set<String> allowed) {
            String v = get(column);
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("column '" + column + "' must be one of " + allowed + ", not '" + v + "'");
            }
            return v;
        }
    }
}
