package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `recguard serve` as a real process, sent SIGTERM ({@link Process#destroy()}) while an archive
 * action is in flight: the marker is the Genesys stub having received the media download, which
 * it answers only after a delay. The service exits 0 before its configured bound, either having
 * finished that action or having handed its claim back; started again on the same data, it
 * completes the work, and nothing is lost or written twice.
 */
class ServeShutdownTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @TempDir
    Path tmp;

    @Test
    void sigterm_lets_the_action_in_flight_finish_within_the_bound_and_exits_0() throws Exception {
        Stopped s = stopDuringMediaDownload(Duration.ofSeconds(2), 20);
        assertThat(s.log).contains("work in flight finished");
    }

    @Test
    void sigterm_hands_back_an_action_that_outlasts_the_bound_and_a_restart_completes_it_once() throws Exception {
        Stopped s = stopDuringMediaDownload(Duration.ofSeconds(30), 3);
        // the interrupted action either gave its claim back itself (scheduled for a retry) or was handed back
        assertThat(s.log).contains("work in flight interrupted").containsPattern("\\d+ claims handed back");
    }

    private record Stopped(ServeProcess serve, String log) {}

    /**
     * Starts serve with {@code RECGUARD_SHUTDOWN_SECONDS=bound}, sends one conversation, SIGTERMs the
     * process once the media download has reached the stub (held for {@code delay}), checks the
     * exit, restarts, and checks the work is complete and single.
     */
    private Stopped stopDuringMediaDownload(Duration delay, int bound) throws Exception {
        ServeProcess.conversationWithActions(wm);
        // the first download is slow (the work in flight), every later one answers at once
        wm.stubFor(get(urlPathEqualTo("/media/audio.wav")).inScenario("media").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("served once")
                .willReturn(aResponse().withStatus(200).withBody(new byte[64 * 1024]).withFixedDelay((int) delay.toMillis())));
        wm.stubFor(get(urlPathEqualTo("/media/audio.wav")).inScenario("media").whenScenarioStateIs("served once")
                .willReturn(aResponse().withStatus(200).withBody(new byte[64 * 1024])));
        ServeProcess serve = new ServeProcess(wm, tmp, Map.of("RECGUARD_SHUTDOWN_SECONDS", String.valueOf(bound)));

        Process first = serve.start();
        String log;
        try {
            assertThat(serve.sendEnd(CONVERSATION_ID)).isEqualTo(202);
            awaitMediaRequested();
            assertThat(first.isAlive()).as("still serving when the marker is seen").isTrue();
            long signalled = System.nanoTime();
            first.destroy(); // SIGTERM
            boolean exited = first.waitFor(bound, TimeUnit.SECONDS);
            System.out.printf("serve stopped %.2f s after SIGTERM (bound %d s)%n", (System.nanoTime() - signalled) / 1e9, bound);
            log = serve.lastLog();
            assertThat(exited).as("exits before the configured bound of " + bound + " s; log: " + log).isTrue();
            assertThat(first.exitValue()).as("a clean stop exits 0; log: " + log).isZero();
        } finally {
            first.destroyForcibly().waitFor();
        }
        log = Files.readString(serve.log(1));
        assertThat(log).contains("recguard serve: stopping").contains("recguard serve: stopped;");

        Process second = serve.start();
        try {
            assertThat(serve.awaitDone(CONVERSATION_ID, Duration.ofSeconds(90)))
                    .as("the restart completes the work; log: " + serve.lastLog()).isTrue();
            assertThat(serve.fetch("/deadletters")).isEqualTo("{\"items\":[],\"next\":null}");
            assertThat(serve.fetch("/events/failed")).contains("\"items\":[]");
        } finally {
            second.destroy();
            assertThat(second.waitFor(bound + 5, TimeUnit.SECONDS)).isTrue();
        }
        var versions = serve.versions();
        assertThat(versions).anyMatch(v -> v.key().endsWith("/manifest.json"));
        assertThat(versions.stream().map(v -> v.key()).distinct().count()).as("one version per key: " + versions)
                .isEqualTo(versions.size());
        long finals = Files.readAllLines(tmp.resolve("var/decisions.log")).stream()
                .filter(l -> l.contains(CONVERSATION_ID) && l.replace("\\", "").contains("\"final\":true")).count();
        assertThat(finals).as("one final decision in the decision log").isEqualTo(1);
        return new Stopped(serve, log);
    }

    private static void awaitMediaRequested() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (!wm.findAll(getRequestedFor(urlPathEqualTo("/media/audio.wav"))).isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service never asked for the recording's media");
    }
}
