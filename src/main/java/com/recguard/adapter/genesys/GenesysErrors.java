package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.ApiException;
import com.recguard.service.ActionException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Genesys failures as the outbox understands them: 429 retryable after Retry-After, 408 and 5xx
 * and I/O failures (timeouts, refused connections) retryable, every other 4xx permanent.
 */
final class GenesysErrors {

    /** Documented 429 text: "Rate limit exceeded the maximum. Retry the request in [%s] seconds". */
    private static final Pattern RETRY_IN = Pattern.compile("(?i)retry the request in \\[?(\\d+)]? seconds?");
    private static final int MAX_BODY = 300;

    private GenesysErrors() {}

    static ActionException translate(Call call, ApiException e, Clock clock) {
        int status = e.getStatusCode();
        String correlation = header(e.getHeaders(), "ININ-Correlation-Id");
        String text = call.label() + ": HTTP " + status + " " + abbreviate(e.getRawBody())
                + (correlation == null ? "" : " (correlation id " + correlation + ")");
        if (status == -1 || status == 0) {
            // The SDK wraps transport and token-wait failures in an ApiException without a status.
            return ActionException.retryable(call.label() + " failed: " + e.getCause(), null, e);
        }
        if (status == 429) {
            return ActionException.retryable(text, retryAfter(h -> header(e.getHeaders(), h), e.getRawBody(), clock), e);
        }
        if (status == 408 || status >= 500) {
            return ActionException.retryable(text, retryAfter(h -> header(e.getHeaders(), h), null, clock), e);
        }
        if (status == 403 && call.permission() != null) {
            return ActionException.permanent(text + " (the OAuth client's role needs " + call.permission() + ")", e);
        }
        if (status == 401) {
            return ActionException.permanent(text + " (refused even with a new token: check the OAuth client)", e);
        }
        return ActionException.permanent(text, e);
    }

    static ActionException translate(Call call, IOException e) {
        // Jackson's parse errors are IOExceptions too, but a body the SDK cannot read will not
        // become readable by asking again. (Matched by name: only the json package imports Jackson.)
        if (e.getClass().getName().startsWith("com.fasterxml.jackson")) {
            return ActionException.permanent(call.label() + ": the SDK could not read the response: " + e.getMessage(), e);
        }
        return ActionException.retryable(call.label() + " failed: " + e, null, e);
    }

    /**
     * How long the server asked us to wait: the Retry-After header in any letter case, as seconds
     * or an HTTP date (the SDK itself reads only "Retry-After" exactly, and only as seconds),
     * else the seconds named in the documented 429 message; null when neither says.
     */
    static Duration retryAfter(Function<String, String> header, String body, Clock clock) {
        String v = header.apply("Retry-After");
        if (v != null && !v.isBlank()) {
            String s = v.trim();
            if (s.chars().allMatch(Character::isDigit)) {
                try {
                    return Duration.ofSeconds(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                // fall through to the message
            }
        }
        if (body != null) {
            Matcher m = RETRY_IN.matcher(body);
            if (m.find()) {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        return null;
    }

    /** A header by name in any letter case (HTTP header names are case-insensitive). */
    static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }

    static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…";
    }
}
