package com.recguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's cookie and redirect decisions, as pure logic (ConsoleAccessTest runs them over HTTP). */
class ConsoleWebTest {

    @Test
    void the_session_cookie_is_secure_unless_the_service_listens_on_loopback_only() {
        assertThat(ConsoleWeb.secureCookies("127.0.0.1")).isFalse();
        assertThat(ConsoleWeb.secureCookies("localhost")).isFalse();
        assertThat(ConsoleWeb.secureCookies("::1")).isFalse();
        assertThat(ConsoleWeb.secureCookies("0.0.0.0")).isTrue();
        assertThat(ConsoleWeb.secureCookies("10.1.2.3")).isTrue();
    }

    @Test
    void after_sign_in_only_console_pages_of_this_service_are_returned_to() {
        assertThat(ConsoleWeb.safeNext("/console/violations?code=RECORDING_GAP&page=2")).isEqualTo("/console/violations?code=RECORDING_GAP&page=2");
        assertThat(ConsoleWeb.safeNext("/console/conversations/be928082-0b5c-5c1f-9a81-16d0ea6eb7e1"))
                .isEqualTo("/console/conversations/be928082-0b5c-5c1f-9a81-16d0ea6eb7e1");
        for (String elsewhere : new String[] {null, "", "https://evil.example/console", "//evil.example/console", "/console//evil",
                "/console/../deadletters", "/consolex", "/deadletters", "/console/x\\y", "/console/a b", "/console?x=\r\nSet-Cookie:"}) {
            assertThat(ConsoleWeb.safeNext(elsewhere)).as(String.valueOf(elsewhere)).isEqualTo("/console");
        }
    }
}
