package com.recguard.archive;

import com.recguard.TestPaths;
import com.recguard.core.Evaluator;
import com.recguard.json.ArchiveJson;
import com.recguard.json.BundleReader;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.rules.RulePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test conversations decided by the shipped rule pack: a UK client's call (archived in
 * eu-west-1 until 2033-03-02) with two recordings, an IVR capture and a transcript; held when
 * the transcript says a risk phrase.
 */
public final class Conversations {

    private static RulePack pack;

    private Conversations() {}

    public static synchronized Evaluator evaluator() {
        if (pack == null) {
            try {
                pack = RulePack.load(TestPaths.RULES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new Evaluator(pack);
    }

    public static String bundleJson(String id, boolean held) {
        String said = held ? "This product has a guaranteed return, I promise." : "Here is the risk warning.";
        return """
            { "conversation": { "conversationId": "%s", "conversationStart": "2026-03-02T09:15:00Z",
                "conversationEnd": "2026-03-02T09:27:41Z", "originatingDirection": "inbound",
                "labels": ["mifid", "desk-fx"],
                "participants": [
                  { "participantId": "p1", "purpose": "customer",
                    "attributes": { "transactionId": "T-88812", "clientCountry": "GB" },
                    "sessions": [ { "mediaType": "voice", "direction": "inbound", "ani": "tel:+442071234567",
                                    "dnis": "tel:+442079460000" } ] },
                  { "participantId": "p2", "purpose": "agent", "userId": "u-advisor-7",
                    "sessions": [ { "mediaType": "voice", "recording": true, "segments": [
                      { "segmentType": "interact", "segmentStart": "2026-03-02T09:16:00Z",
                        "segmentEnd": "2026-03-02T09:27:41Z" } ] } ] } ] },
              "recordings": [
                { "id": "r-1", "media": "audio", "fileState": "AVAILABLE", "region": "eu-west-1",
                  "startTime": "2026-03-02T09:16:00Z", "endTime": "2026-03-02T09:22:00Z" },
                { "id": "r-2", "media": "audio", "fileState": "AVAILABLE", "region": "eu-west-1",
                  "startTime": "2026-03-02T09:22:00Z", "endTime": "2026-03-02T09:27:41Z" } ],
              "ivr": { "flowName": "Main IVR", "menuPath": ["main", "trading"],
                       "dtmf": [ { "digit": "2", "prompt": "desk", "at": "2026-03-02T09:15:20Z" } ] },
              "transcript": [ { "purpose": "agent", "offsetMs": 1200, "text": "%s" } ],
              "evaluatedAt": "2026-03-02T10:00:00Z" }
            """.formatted(id, said);
    }

    /** A bundle, its decision, and a media file per recording (random bytes, {@code size} each). */
    public static ArchiveRequest request(String id, boolean held, Path dir, int size) {
        String json = bundleJson(id, held);
        try {
            Bundle b = BundleReader.read(json);
            Decision d = evaluator().evaluate(b);
            return new ArchiveRequest(b, d, media(dir, id, size), ArchiveJson.labels(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Path> media(Path dir, String id, int size) {
        Map<String, Path> media = new LinkedHashMap<>();
        for (String r : List.of("r-1", "r-2")) {
            Path f = dir.resolve(id + "-" + r + ".wav");
            if (!Files.exists(f)) {
                byte[] bytes = new byte[size];
                new Random((id + r).hashCode()).nextBytes(bytes);
                write(f, bytes);
            }
            media.put(r, f);
        }
        return media;
    }

    public static Path write(Path f, byte[] bytes) {
        try {
            Files.createDirectories(f.getParent());
            return Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
