package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.json.BundleReader;
import com.recguard.json.BundleWriter;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.service.MonthlyCalibration;
import com.recguard.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The monthly calibration set goes to every evaluator once, and their score spread is reported per month. */
class MonthlyCalibrationTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @TempDir
    Path tmp;

    @Test
    void the_same_recordings_go_to_all_evaluators_once_and_alignment_is_tracked_by_month() throws Exception {
        GenesysStub.token(wm, "tok-cal");
        wm.stubFor(post(urlPathEqualTo(API + "/quality/calibrations")).willReturn(okJson("{\"id\":\"cal-1\"}")));
        wm.stubFor(get(urlPathEqualTo(API + "/quality/calibrations/cal-1"))
                .willReturn(okJson("{\"id\":\"cal-1\",\"averageScore\":80,\"highScore\":92,\"lowScore\":71}")));
        Bundle call = BundleReader.read(Files.readString(Path.of("fixtures/conversations/clean-uk-advisory-call.json")));
        YearMonth month = YearMonth.from(call.conversation().conversationStart().atOffset(java.time.ZoneOffset.UTC));

        try (GenesysClient genesys = new GenesysClient(GenesysStub.config(wm));
             Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            for (int i = 1; i <= 4; i++) {
                Conversation c = call.conversation();
                Bundle b = new Bundle(new Conversation("cal-c" + i, c.conversationStart(), c.conversationEnd(),
                        c.originatingDirection(), c.participants()), call.recordings(), List.of(), null, List.of(), List.of(), null, true);
                long e = store.journal("test", "t", "cal-c" + i, "{}", Store.EventStatus.ACCEPTED, null, Instant.EPOCH);
                store.decided(e, "cal-c" + i, "sha256:p", "{}", BundleWriter.write(b), List.of(), Instant.EPOCH);
            }
            MonthlyCalibration calibration = new MonthlyCalibration(store, new GenesysQuality(genesys),
                    List.of("ev-anna", "ev-ben", "ev-chen"), 2, "recguard-qa-2026");

            assertThat(calibration.run(month)).hasSize(2);
            assertThat(calibration.run(month)).as("a re-run creates nothing").isEmpty();
            assertThat(calibration.run(month.plusMonths(1))).as("nothing decided that month").isEmpty();
            wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(API + "/quality/calibrations")));
            wm.verify(postRequestedFor(urlPathEqualTo(API + "/quality/calibrations")).withRequestBody(equalToJson(
                    "{\"evaluators\":[{\"id\":\"ev-anna\"},{\"id\":\"ev-ben\"},{\"id\":\"ev-chen\"}],"
                            + "\"evaluationForm\":{\"id\":\"" + GenesysStub.FORM_ID + "\"}}", true, true)));

            assertThat(calibration.alignment()).containsExactly(
                    new MonthlyCalibration.Alignment(month.toString(), 2, 2, 21.0, 21));
        }
    }
}
