package com.recguard.adapter.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recguard.TestPaths;
import com.recguard.json.DecisionReader;
import com.recguard.model.Decision;
import com.recguard.servers.Processes;
import com.recguard.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recguard backfill --act} as a real process over 2,000 conversations of
 * {@link GenesysFleetStub}: killed with SIGKILL once its checkpoint holds 1,000 finished
 * conversations (a marker, not a sleep), then run again on the same state folder and database.
 * No checkpointed conversation is gathered again, at most the ones in flight at the kill are, the
 * listing job is not submitted twice, and the report's counts per day equal the decisions in the
 * store. Prints the rate of the resumed run as the command reported it.
 */
class BackfillProcessKillTest {

    static final int CONVERSATIONS = 2000;
    static final int CONCURRENCY = 8;

    @TempDir
    Path tmp;

    @Test
    void aBackfillKilledHalfwayResumesWithoutGatheringAFinishedConversationAgainAndReportsTheStoreExactly() throws Exception {
        LocalDate first = LocalDate.of(2026, 7, 1);
        try (GenesysFleetStub stub = new GenesysFleetStub(CONVERSATIONS, first, 30, Duration.ZERO, 2)) {
            Path state = tmp.resolve("state");
            String db = "jdbc:sqlite:" + tmp.resolve("recguard.db");
            Map<String, String> env = new HashMap<>(stub.env());
            env.put("RECGUARD_DB", db);
            env.put("RECGUARD_VAR", tmp.resolve("var").toString());
            env.put("RECGUARD_RULES", TestPaths.RULES.toAbsolutePath().toString());
            // the pace is measured by the bench; here it must not be what the test waits for
            env.put(GenesysConfig.REQUESTS_PER_MINUTE, "600000");
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.timezone=UTC",
                    "-cp", Processes.testClasspath(), "com.recguard.cli.Main", "backfill", "--from", "2026-07-01",
                    "--to", "2026-07-30", "--act", "--state", state.toString(), "--concurrency", String.valueOf(CONCURRENCY),
                    "--poll-ms", "20");

            Process p = start(cmd, env, tmp.resolve("run-1.log"));
            Path done = state.resolve("done.tsv");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (finished(done).size() < CONVERSATIONS / 2) {
                assertThat(p.isAlive()).as("the first run ended before the marker; log: %s", Processes.tail(tmp.resolve("run-1.log")))
                        .isTrue();
                assertThat(System.nanoTime()).as("no marker within 10 minutes").isLessThan(deadline);
                Thread.sleep(20);
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            Set<String> checkpointed = finished(done);
            assertThat(checkpointed.size()).isBetween(CONVERSATIONS / 2, CONVERSATIONS - 1);
            Map<String, Integer> gatheredBeforeKill = new HashMap<>();
            stub.ids().forEach(id -> gatheredBeforeKill.put(id, stub.gathers(id)));

            Process again = start(cmd, env, tmp.resolve("run-2.log"));
            assertThat(again.waitFor(10, TimeUnit.MINUTES)).as("the resumed run finishes").isTrue();
            String log = Files.readString(tmp.resolve("run-2.log"), StandardCharsets.UTF_8);
            System.out.println("resumed run:\n" + log.lines().filter(l -> !l.startsWith("backfill [")).reduce("", (a, b) -> a + b + "\n"));
            // exit 1: the decisions carry violations (the stub's unrecorded conversations)
            assertThat(again.exitValue()).as(log).isEqualTo(1);
            assertThat(log).contains("resuming").contains(CONVERSATIONS + " conversations were listed by an earlier run");

            assertThat(stub.jobsSubmitted()).as("the listing was checkpointed, not asked for again").isEqualTo(1);
            List<String> twice = new ArrayList<>();
            for (String id : stub.ids()) {
                int n = stub.gathers(id);
                assertThat(n).as("gathers of " + id).isBetween(1, 2);
                if (n == 2) {
                    twice.add(id);
                }
            }
            assertThat(twice).as("a checkpointed conversation is not gathered again").doesNotContainAnyElementsOf(checkpointed);
            // only those in flight at the kill: gathered by the first run, not checkpointed
            assertThat(twice.size()).isLessThanOrEqualTo(CONCURRENCY);
            assertThat(twice).allSatisfy(id -> assertThat(gatheredBeforeKill.get(id)).isEqualTo(1));

            JsonNode report = new ObjectMapper().readTree(state.resolve("report.json").toFile());
            Map<String, int[]> fromStore = new TreeMap<>();
            Map<String, Map<String, Integer>> codes = new TreeMap<>();
            try (Store store = Store.open(db)) {
                for (String id : stub.ids()) {
                    String json = store.latestDecision(id);
                    assertThat(json).as("a decision for " + id).isNotNull();
                    Decision d = DecisionReader.read(json);
                    String day = stub.day(id).toString();
                    int[] c = fromStore.computeIfAbsent(day, k -> new int[5]);
                    c[0]++;
                    c[1]++;
                    c[2] += d.actions().stream().anyMatch(a -> a.type().equals("ARCHIVE")) ? 1 : 0;
                    c[3] += "EXEMPT".equals(d.recording()) ? 1 : 0;
                    c[4] += d.legalHold() ? 1 : 0;
                    d.violations().forEach(v -> codes.computeIfAbsent(day, k -> new TreeMap<>()).merge(v.code(), 1, Integer::sum));
                }
            }
            Map<String, int[]> fromReport = new TreeMap<>();
            Map<String, Map<String, Integer>> reportCodes = new TreeMap<>();
            for (JsonNode d : report.get("days")) {
                fromReport.put(d.get("day").asText(), new int[] {d.get("seen").asInt(), d.get("decided").asInt(),
                        d.get("archived").asInt(), d.get("exempt").asInt(), d.get("held").asInt()});
                Map<String, Integer> c = new TreeMap<>();
                d.get("violations").fields().forEachRemaining(e -> c.put(e.getKey(), e.getValue().asInt()));
                if (!c.isEmpty()) {
                    reportCodes.put(d.get("day").asText(), c);
                }
                assertThat(d.get("failed").asInt() + d.get("pending").asInt()).isZero();
            }
            assertThat(fromReport).hasSize(30);
            assertThat(fromReport.keySet()).isEqualTo(fromStore.keySet());
            fromStore.forEach((day, c) -> assertThat(fromReport.get(day)).as(day).containsExactly(c));
            assertThat(reportCodes).isEqualTo(codes);
            assertThat(report.get("total").get("seen").asInt()).isEqualTo(CONVERSATIONS);
        }
    }

    private static Process start(List<String> cmd, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Conversation ids on complete lines of the checkpoint (a line torn by the kill does not count). */
    private static Set<String> finished(Path done) throws Exception {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(done)) {
            return ids;
        }
        String text = Files.readString(done, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return ids;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 8 && !f[2].equals("FAILED")) {
                ids.add(f[0]);
            }
        }
        return ids;
    }
}
