package com.recguard.console;

import static com.recguard.console.SeededConsole.OPERATOR_TOKEN;
import static com.recguard.console.SeededConsole.VIEWER;
import static com.recguard.console.SeededConsole.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.http.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's access, asked with a real HTTP client (no browser): no page and no data without
 * a session, a session only from the sign-in form with an operator's own name and token, and the
 * cookie the browser keeps is HttpOnly, SameSite=Strict and scoped to /console.
 */
class ConsoleAccessTest {

    @TempDir
    static Path tmp;
    static SeededConsole console;

    @BeforeAll
    static void seed() throws Exception {
        console = new SeededConsole(tmp);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    static List<String> consoleRoutes() {
        List<String> out = new ArrayList<>();
        console.http.routes().forEach((route, roles) -> {
            if (roles.contains(Role.CONSOLE) || roles.contains(Role.SIGN_IN)) {
                out.add(route);
            }
        });
        return out;
    }

    HttpResponse<String> request(String method, String path, String form, String cookie, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console.base() + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return console.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String name, String token, String next) {
        return "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** Signs in and returns the cookie pair ("recguard_console=…") the browser would send back. */
    String signIn(String name, String token) throws Exception {
        HttpResponse<String> r = request("POST", "/console/signin", form(name, token, null), null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void every_console_route_answers_401_with_the_sign_in_form_and_no_data_without_a_session() throws Exception {
        List<String> routes = consoleRoutes();
        assertThat(routes).contains("GET /console", "GET /console/violations", "GET /console/conversations/{id}", "GET /console/holds",
                "GET /console/failures", "GET /console/rules", "GET /console/qa", "POST /console/signin", "POST /console/signout");
        for (String route : routes) {
            String[] mp = route.split(" ", 2);
            String path = mp[1].replace("{id}", SeededConsole.TRADER_CALL);
            for (String bearer : new String[] {null, OPERATOR_TOKEN, SeededConsole.EVENT_TOKEN}) {
                HttpResponse<String> r = request(mp[0], path, mp[0].equals("POST") ? "" : null, null, bearer);
                assertThat(r.statusCode()).as(route + " with bearer " + bearer).isEqualTo(401);
                assertThat(r.body()).as(route).contains("<form method=\"post\" action=\"/console/signin\">")
                        .doesNotContain(SeededConsole.TRADER_CALL + "</", "guaranteed return", "LH-44", "MISSING_RECORDING");
            }
        }
        HttpResponse<String> forged = request("GET", "/console", null, "recguard_console=forged-session-id", null);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void sign_in_needs_the_operators_own_name_and_token() throws Exception {
        assertThat(request("POST", "/console/signin", form(VIEWER, "not-the-token", null), null, null).statusCode()).isEqualTo(401);
        assertThat(request("POST", "/console/signin", form(VIEWER, SeededConsole.EVENT_TOKEN, null), null, null).statusCode())
                .as("the event token is not an operator's").isEqualTo(401);
        assertThat(request("POST", "/console/signin", form(SeededConsole.OPERATOR, VIEWER_TOKEN, null), null, null).statusCode())
                .as("someone else's token").isEqualTo(401);
        HttpResponse<String> refused = request("POST", "/console/signin", form(VIEWER, "wrong", null), null, null);
        assertThat(refused.body()).contains("do not match an operator");
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_signed_in_viewer_gets_an_http_only_strict_cookie_and_every_page_with_its_data() throws Exception {
        HttpResponse<String> ok = request("POST", "/console/signin", form(VIEWER, VIEWER_TOKEN, "/console/holds"), null, null);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/console/holds");
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("recguard_console=").contains("; HttpOnly", "; SameSite=Strict", "; Path=/console")
                .as("loopback: no TLS expected").doesNotContain("Secure");
        String cookie = setCookie.split(";")[0];

        assertThat(page("/console", cookie)).contains("completeness-table", "Periods not swept");
        assertThat(page("/console?span=day", cookie)).contains("Per day");
        assertThat(page("/console/violations", cookie)).contains("MISSING_RECORDING", "UNJUSTIFIED_STOP", "RESIDENCY_CONFLICT");
        assertThat(page("/console/violations?code=RESIDENCY_CONFLICT", cookie)).contains("RESIDENCY_CONFLICT")
                .doesNotContain("<td class=\"code\">MISSING_RECORDING</td>");
        assertThat(page("/console/conversations/" + SeededConsole.TRADER_CALL, cookie)).contains("guaranteed return", "HLD-001",
                "COMPLIANCE until", "/evidence?conversation=" + SeededConsole.TRADER_CALL);
        assertThat(page("/console/holds", cookie)).contains("LH-44", SeededConsole.OPERATOR, "SEC inquiry 2026-117");
        assertThat(page("/console/failures", cookie)).contains(SeededConsole.GONE, "not found", "alert webhook answered 410 Gone");
        assertThat(page("/console/rules", cookie)).contains(console.service.packs().evaluator().pack().sha256());
        assertThat(page("/console/qa", cookie)).contains("qa-table");
        HttpResponse<String> unknown = request("GET", "/console/conversations/no-such-call", null, cookie, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    String page(String path, String cookie) throws Exception {
        HttpResponse<String> r = request("GET", path, null, cookie, null);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'none'"));
        return r.body();
    }

    @Test
    void after_sign_out_the_cookie_opens_nothing() throws Exception {
        String cookie = signIn(VIEWER, VIEWER_TOKEN);
        assertThat(request("GET", "/console/holds", null, cookie, null).statusCode()).isEqualTo(200);
        HttpResponse<String> out = request("POST", "/console/signout", "", cookie, null);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(request("GET", "/console/holds", null, cookie, null).statusCode()).isEqualTo(401);
    }

    @Test
    void sign_in_sends_the_browser_back_only_to_a_console_page() throws Exception {
        for (String next : new String[] {"//evil.example/console", "https://evil.example/", "/console/../events/1", "/deadletters"}) {
            HttpResponse<String> r = request("POST", "/console/signin", form(VIEWER, VIEWER_TOKEN, next), null, null);
            assertThat(r.headers().firstValue("Location")).as(next).hasValue("/console");
        }
    }
}
