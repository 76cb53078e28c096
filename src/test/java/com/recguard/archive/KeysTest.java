package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void keys_depend_only_on_the_conversation_and_recording_ids() {
        String cid = "3f6b1c2e-0b7a-4c1e-9a55-2f0d3c1b9e77";
        assertThat(Keys.media(cid, "r-1")).isEqualTo("recguard/v1/conversations/" + cid + "/media/r-1");
        assertThat(Keys.ivr(cid)).isEqualTo("recguard/v1/conversations/" + cid + "/ivr.json");
        assertThat(Keys.transcript(cid)).isEqualTo("recguard/v1/conversations/" + cid + "/transcript.json");
        assertThat(Keys.manifest(cid)).isEqualTo("recguard/v1/conversations/" + cid + "/manifest.json");
        assertThat(Keys.event(cid, 3, "HOLD_RELEASED")).isEqualTo("recguard/v1/conversations/" + cid
                + "/events/000003-hold-released.json");
    }

    @Test
    void an_id_cannot_climb_out_of_its_folder() {
        assertThat(Keys.media("../other", "a/b")).isEqualTo("recguard/v1/conversations/..%2Fother/media/a%2Fb");
        assertThat(Keys.prefix("..")).isEqualTo("recguard/v1/conversations/%2E%2E/");
        assertThat(Keys.prefix("ünï code")).isEqualTo("recguard/v1/conversations/%C3%BCn%C3%AF%20code/");
        assertThatThrownBy(() -> Keys.prefix("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_tells_its_conversation_and_event_sequence() {
        assertThat(Keys.conversationOf(Keys.media("a/b c", "r"))).isEqualTo("a/b c");
        assertThat(Keys.conversationOf("elsewhere/x")).isNull();
        assertThat(Keys.eventSequence(Keys.event("c", 12, "HOLD_APPLIED"))).isEqualTo(12);
        assertThat(Keys.eventSequence(Keys.manifest("c"))).isEqualTo(-1);
    }
}
