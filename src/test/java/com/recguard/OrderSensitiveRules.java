package com.recguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rule pairs whose outcome really differs between two builds of the same pack on Drools 10.2.0,
 * for the tests of the build-order cross-check, and fixtures to run them on.
 */
public final class OrderSensitiveRules {

    private static final String HEAD = "import com.recguard.facts.*;\nimport com.recguard.model.*;\n\n";

    private OrderSensitiveRules() {}

    /**
     * The engine defect of apache/incubator-kie 7115 (open against 10.0 to 10.2), in recguard's
     * facts: {@code exists(Recording() and not LegalHold())} in one package stops firing when a rule
     * in another package also opens an {@code exists} with {@code Recording()}, but only while
     * Drools shares beta nodes (its default; recguard turns sharing off) and only when the packages
     * are added in this order (subject in rules.consent, sibling in rules.holds; swapped, it fires).
     * Compiled as one package, the subject fires. The sibling never fires on these fixtures.
     */
    public static void addExistsNotAcrossPackages(Path rulesDir) {
        write(rulesDir.resolve("consent/CON-901-unheld-recording.drl"), "package rules.consent;\n\n" + HEAD
                + "rule \"A recording without any legal hold is flagged\"\n    @id(\"CON-901\")\nwhen\n"
                + "    exists (Recording() and not LegalHold())\nthen\n"
                + "    insertLogical(new Finding(\"UNHELD_RECORDING\", \"A recording exists and no legal hold is in force.\"));\nend\n");
        write(rulesDir.resolve("holds/HLD-901-recording-with-consent.drl"), "package rules.holds;\n\n" + HEAD
                + "rule \"A recording with a consent answer is noted\"\n    @id(\"HLD-901\")\nwhen\n"
                + "    exists (Recording() and ConsentCapture())\nthen\n"
                + "    insertLogical(new Finding(\"RECORDED_WITH_CONSENT\", \"A recording exists and consent was captured.\"));\nend\n");
    }

    /**
     * Not an engine defect but DRL whose outcome depends on the order rules fire in: two rules in two
     * areas each insert a marker (a plain {@code insert}, not {@code insertLogical}) unless a marker
     * is already there, so whichever Drools puts first on its agenda wins, and the other never fires.
     * The marker is a String so that no fixture expectation notices it; only {@code firedRules} does.
     */
    public static void addFirstComeFirstServed(Path rulesDir) {
        for (String[] r : new String[][] {{"alpha", "ALP-001"}, {"beta", "BET-001"}}) {
            write(rulesDir.resolve(r[0] + "/" + r[1] + "-first.drl"), "package rules." + r[0] + ";\n\n" + HEAD
                    + "rule \"The " + r[0] + " marker is set unless another rule set one first\"\n    @id(\"" + r[1] + "\")\nwhen\n"
                    + "    Call()\n    not String()\nthen\n    insert(\"" + r[0] + " was first\");\nend\n");
        }
    }

    /** A fixture with one AVAILABLE recording, no legal hold and no consent answer; no expectations. */
    public static Path recordedCall(Path dir, String name) {
        return fixture(dir, name, """
            , "recordings": [ { "id": "r-1", "fileState": "AVAILABLE", "region": "eu-west-1",
                                "startTime": "2026-03-02T09:16:00Z", "endTime": "2026-03-02T09:27:41Z" } ]""");
    }

    /** The same call without any recording. */
    public static Path unrecordedCall(Path dir, String name) {
        return fixture(dir, name, "");
    }

    private static Path fixture(Path dir, String name, String recordings) {
        Path f = dir.resolve(name);
        write(f, """
            { "description": "a UK client call", "conversation": { "conversationId": "%s",
                "conversationStart": "2026-03-02T09:15:00Z", "conversationEnd": "2026-03-02T09:27:41Z",
                "originatingDirection": "inbound",
                "participants": [
                  { "participantId": "p1", "purpose": "customer", "sessions": [ { "mediaType": "voice",
                      "direction": "inbound", "ani": "tel:+442071234567", "dnis": "tel:+442079460000" } ] },
                  { "participantId": "p2", "purpose": "agent", "userId": "u-7", "sessions": [ { "mediaType": "voice",
                      "segments": [ { "segmentType": "interact", "segmentStart": "2026-03-02T09:16:00Z",
                                      "segmentEnd": "2026-03-02T09:27:41Z" } ] } ] } ] }%s,
              "expect": {} }
            """.formatted(name.replace(".json", ""), recordings));
        return f;
    }

    private static void write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
