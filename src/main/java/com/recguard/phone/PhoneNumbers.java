package com.recguard.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Parses the numbers Genesys puts in ani/dnis ("tel:+14155550142", "sip:+44…@host") with libphonenumber. */
public final class PhoneNumbers {

    /**
     * A parsed number: E.164 form, the ISO 3166 region libphonenumber assigns (null when the
     * number is valid for no single region), and the area code of a NANP (+1) number.
     */
    public record Parsed(String e164, String region, String nanpAreaCode) {}

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Parsing is the costliest step of building facts (libphonenumber is regex-driven) and the
     * same numbers recur (the firm's lines, repeat callers), so results are kept. The cache is
     * cleared when full rather than evicted one by one: simple, bounded, and still almost always hit.
     */
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, Optional<Parsed>> CACHE = new ConcurrentHashMap<>();

    private PhoneNumbers() {}

    /**
     * Reads a number as POLICY.md 1 says: E.164 with a leading {@code +}; the number inside a
     * {@code tel:} URI or the user part of a {@code sip:}/{@code sips:} URI read the same way; a
     * leading {@code 00} means {@code +}; spaces, dashes, dots and brackets ignored; a national
     * number (one leading {@code 0}, no country code) belongs to {@code homeCountry}. Anything else,
     * bare digits included, is unknown (empty).
     */
    public static Optional<Parsed> parse(String raw, String homeCountry) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = homeCountry + "|" + raw;
        Optional<Parsed> known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        Optional<Parsed> parsed = parseUncached(raw, homeCountry);
        CACHE.put(key, parsed);
        return parsed;
    }

    /** {@link #parse(String, String)} with no home country: national numbers are unknown. */
    public static Optional<Parsed> parse(String raw) {
        return parse(raw, null);
    }

    private static Optional<Parsed> parseUncached(String raw, String homeCountry) {
        String s = raw.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"tel:", "sips:", "sip:"}) {
            if (lower.startsWith(scheme)) {
                s = s.substring(scheme.length());
                break;
            }
        }
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int semicolon = s.indexOf(';');
        if (semicolon >= 0) {
            s = s.substring(0, semicolon);
        }
        s = s.replaceAll("[\\s\\-.()\\[\\]]", "");
        String region = null;
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (s.startsWith("0") && homeCountry != null && !homeCountry.isBlank()) {
            region = homeCountry.trim().toUpperCase(Locale.ROOT);
        } else if (!s.startsWith("+")) {
            // Bare digits say nothing about jurisdiction; do not guess.
            return Optional.empty();
        }
        if (!s.matches("\\+?\\d+")) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = UTIL.parse(s, region);
            String e164 = UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
            region = UTIL.getRegionCodeForNumber(n);
            if (region == null && n.getCountryCode() != 1) {
                // Not a valid number of any region (e.g. a drama-range +44 7700 900xxx): the country
                // code still names the country. Not for +1, which spans the US, Canada and the Caribbean.
                region = UTIL.getRegionCodeForCountryCode(n.getCountryCode());
            }
            if ("ZZ".equals(region) || "001".equals(region)) {
                region = null;
            }
            String national = UTIL.getNationalSignificantNumber(n);
            String areaCode = n.getCountryCode() == 1 && national.length() >= 3 ? national.substring(0, 3) : null;
            return Optional.of(new Parsed(e164, region, areaCode));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
