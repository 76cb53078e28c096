package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `recguard serve` process fed two hostile conversations (Genesys answers `{}` for one, and
 * for the other the detail of a different conversation) and then a good one: the hostile ones fail
 * alone, listed with their reasons, and the good one is decided and archived.
 */
class ServeHostileConversationTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @TempDir
    Path tmp;

    @Test
    void hostile_conversations_fail_alone_and_the_good_one_after_them_is_decided_and_archived() throws Exception {
        String empty = "0a0a0a0a-dead-4bad-8bad-0a0a0a0a0a0a";
        String foreign = "0b0b0b0b-dead-4bad-8bad-0b0b0b0b0b0b";
        ServeProcess.conversationWithActions(wm);
        wm.stubFor(get(urlPathEqualTo("/media/audio.wav")).willReturn(aResponse().withStatus(200).withBody(new byte[16 * 1024])));
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/" + empty + "/details")).willReturn(okJson("{}")));
        // the detail of the good conversation, handed out when another one is asked for
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/" + foreign + "/details"))
                .willReturn(okJson(GenesysStub.resource("conversation-detail.json"))));
        for (String id : List.of(empty, foreign)) {
            // everything else about them answers as for any conversation: only the detail is hostile
            wm.stubFor(get(urlPathEqualTo(API + "/conversations/" + id)).willReturn(okJson(GenesysStub.resource("conversation.json"))));
            wm.stubFor(get(urlPathEqualTo(API + "/conversations/" + id + "/recordingmetadata"))
                    .willReturn(okJson(GenesysStub.resource("recordingmetadata.json"))));
            wm.stubFor(get(urlPathMatching(API + "/speechandtextanalytics/conversations/" + id + "/.*"))
                    .willReturn(GenesysStub.error(404, "not.found", "No transcript exists for this communication")));
        }
        ServeProcess serve = new ServeProcess(wm, tmp, Map.of());

        Process p = serve.start();
        try {
            assertThat(serve.sendEnd(empty)).isEqualTo(202);
            assertThat(serve.sendEnd(foreign)).isEqualTo(202);
            assertThat(serve.sendEnd(CONVERSATION_ID)).isEqualTo(202);

            assertThat(serve.awaitDone(CONVERSATION_ID, Duration.ofSeconds(90)))
                    .as("the good conversation is decided; log: " + serve.lastLog()).isTrue();
            assertThat(serve.fetch("/decisions/" + CONVERSATION_ID)).contains("\"type\":\"ARCHIVE\"");
            String failed = serve.fetch("/events/failed");
            assertThat(failed).contains(empty, "no conversationId in the detail", foreign, "when asked for " + foreign);
            assertThat(serve.fetch("/decisions/" + foreign)).doesNotContain("\"conversationId\"");
            assertThat(serve.fetch("/ready")).contains("\"outboxDepth\":0");
        } finally {
            p.destroy();
            p.waitFor();
        }
        assertThat(serve.versions()).as("and archived")
                .anyMatch(v -> v.key().contains(CONVERSATION_ID) && v.key().endsWith("/manifest.json"));
    }
}
