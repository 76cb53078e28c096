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

    public static Optional<Parsed> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<Parsed> known = CACHE.get(raw);
        if (known != null) {
            return known;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        Optional<Parsed> parsed = parseUncached(raw);
        CACHE.put(raw, parsed);
        return parsed;
    }

    private static Optional<Parsed> parseUncached(String raw) {
        String s = raw.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:") || lower.startsWith("sip:")) {
            s = s.substring(4);
        }
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int semicolon = s.indexOf(';');
        if (semicolon >= 0) {
            s = s.substring(0, semicolon);
        }
        if (!s.startsWith("+")) {
            // Without a country code a number says nothing about jurisdiction; do not guess.
            return Optional.empty();
        }
        try {
            PhoneNumber n = UTIL.parse(s, null);
            String e164 = UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
            String region = UTIL.getRegionCodeForNumber(n);
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
