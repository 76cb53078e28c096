package com.recguard.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people and systems allowed on the operator routes, each with a name the audit trail
 * records and a role. Read from a file the operations team keeps ({@code RECGUARD_OPERATORS}),
 * one operator a line:
 *
 * <pre>
 * # name,role,sha256 of the token (hex)
 * alice@firm.example,operator,5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
 * grafana,viewer,9f86d081884c7d659a2feb15c15d16ea8b94cb8ee02e0d56a4b2b26b7a2c6aef
 * </pre>
 *
 * Only hashes are stored, so the file reveals no token. A presented token is hashed and compared
 * with every entry in constant time (no early exit), so timing tells nothing about which entry
 * came close. Operator tokens are distinct from the event-source token: a file that lists the
 * event token's hash is refused at start-up.
 */
public final class Operators {

    /** An authenticated operator: the name goes to the audit trail. */
    public record Operator(String name, Role role) {}

    /** The file has problems; each names the file and line. */
    public static final class OperatorsException extends Exception {
        private final List<String> problems;

        OperatorsException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private record Entry(String name, Role role, byte[] sha256) {}

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[^,\\s][^,]*[^,\\s]|[^,\\s]");

    private final List<Entry> entries;

    private Operators(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Nobody: every operator route answers 401. */
    public static Operators none() {
        return new Operators(List.of());
    }

    /** Reads the file; every bad line is reported at once. */
    public static Operators load(Path file) throws OperatorsException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OperatorsException(List.of(file + ": cannot read the operators file (" + e.getMessage()
                    + "); one line per operator: name,role,sha256-of-token"));
        }
        return parse(file.toString(), lines);
    }

    public static Operators parse(String source, List<String> lines) throws OperatorsException {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                problems.add(where + "expected name,role,sha256 (3 fields), found " + f.length);
                continue;
            }
            String name = f[0].strip();
            String role = f[1].strip().toLowerCase(Locale.ROOT);
            String hash = f[2].strip().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                problems.add(where + "the operator needs a name (a person or a system)");
            } else if (!names.add(name)) {
                problems.add(where + "operator " + name + " is listed twice");
            }
            Role r = switch (role) {
                case "operator" -> Role.OPERATOR;
                case "viewer" -> Role.VIEWER;
                default -> null;
            };
            if (r == null) {
                problems.add(where + "role \"" + f[1].strip() + "\" is neither operator nor viewer");
            }
            if (!HEX64.matcher(hash).matches()) {
                problems.add(where + "the third field must be the token's SHA-256 in hex (64 characters), never the token");
            } else if (!hashes.add(hash)) {
                problems.add(where + "this token is already given to another operator: each needs their own");
            }
            if (r != null && HEX64.matcher(hash).matches()) {
                entries.add(new Entry(name, r, HexFormat.of().parseHex(hash)));
            }
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add(source + ": names no operator; one line per operator: name,role,sha256-of-token");
        }
        if (!problems.isEmpty()) {
            throw new OperatorsException(problems);
        }
        return new Operators(entries);
    }

    /** The operator this {@code Authorization} header names, or null. */
    public Operator authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty()) {
            return null;
        }
        byte[] presented = sha256(token);
        Entry found = null;
        for (Entry e : entries) { // every entry, every time: no early exit
            if (MessageDigest.isEqual(presented, e.sha256()) && found == null) {
                found = e;
            }
        }
        return found == null ? null : new Operator(found.name(), found.role());
    }

    /** Whether this token is an operator's (the event-source token must not be). */
    public boolean knowsToken(String token) {
        return token != null && !token.isBlank() && authenticate("Bearer " + token) != null;
    }

    public int size() {
        return entries.size();
    }

    /** The hex SHA-256 of a token, as the operators file stores it. */
    public static String hashOf(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
