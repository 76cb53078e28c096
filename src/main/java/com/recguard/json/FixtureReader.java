package com.recguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.recguard.model.Expectation;
import com.recguard.model.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads a fixture: a bundle plus {@code expect} and an optional {@code description}. */
public final class FixtureReader {

    private FixtureReader() {}

    public static Fixture read(Path path) throws BundleFormatException {
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleFormatException("cannot read: " + e.getMessage(), e);
        }
        JsonNode root = BundleReader.parse(json);
        JsonNode expect = root.get("expect");
        if (expect == null && root.path("conversations").isArray() && !root.has("conversation")) {
            throw new BundleFormatException("a Genesys details query response holding " + root.get("conversations").size()
                    + " conversations, not a fixture (one bundle plus \"expect\"): decide on it with recguard evaluate");
        }
        if (expect == null || !expect.isObject()) {
            throw new BundleFormatException("expect: a fixture needs an \"expect\" object");
        }
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Expectation.KEYS.contains(key)) {
                throw new BundleFormatException("expect." + key + ": unknown key; known keys are "
                        + new java.util.TreeSet<>(Expectation.KEYS));
            }
        }
        Expectation e = new Expectation(
                scalar(expect, "recording"), scalar(expect, "consent"), scalar(expect, "residencyZone"),
                scalar(expect, "archiveRegion"),
                expect.hasNonNull("legalHold") ? bool(expect.get("legalHold"), "legalHold") : null,
                scalar(expect, "retainUntil"),
                strings(expect, "violations"), strings(expect, "holdReasons"),
                strings(expect, "actions"), strings(expect, "actionsAbsent"),
                expect.hasNonNull("final") ? bool(expect.get("final"), "final") : null);
        String description = root.hasNonNull("description") ? root.get("description").asText() : "";
        return new Fixture(path, description, BundleReader.fromTree(root), e);
    }

    private static Boolean bool(JsonNode n, String key) throws BundleFormatException {
        if (!n.isBoolean()) {
            throw new BundleFormatException("expect." + key + ": must be true or false");
        }
        return n.asBoolean();
    }

    private static String scalar(JsonNode expect, String key) {
        JsonNode n = expect.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode expect, String key) throws BundleFormatException {
        JsonNode n = expect.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new BundleFormatException("expect." + key + ": must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }
}
