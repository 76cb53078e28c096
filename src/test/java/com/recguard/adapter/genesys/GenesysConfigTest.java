package com.recguard.adapter.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenesysConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("GENESYS_BASE_URL", "https://api.mypurecloud.ie/");
        env.put("GENESYS_CLIENT_ID", "id");
        env.put("GENESYS_CLIENT_SECRET", "very-secret");
        env.put("GENESYS_QA_FORM_ID", "form-1");
        env.put("GENESYS_QA_EVALUATOR_ID", "user-9");
        return env;
    }

    @Test
    void reads_the_environment_with_defaults_for_the_optional_variables() {
        GenesysConfig c = GenesysConfig.fromEnv(minimal());

        assertThat(c.baseUrl()).isEqualTo("https://api.mypurecloud.ie");
        assertThat(c.loginUrl()).as("the SDK's rule: login. + the host after its first dot").isEqualTo("https://login.mypurecloud.ie");
        assertThat(c.tokenUri()).hasToString("https://login.mypurecloud.ie/oauth/token");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxConnections()).isEqualTo(20);
        assertThat(c.transcripts()).isTrue();
        assertThat(c.sweepLookback()).isEqualTo(Duration.ofHours(48));
        assertThat(c.recordingRegion()).isNull();
    }

    @Test
    void an_explicit_login_url_wins_over_the_derived_one() {
        Map<String, String> env = minimal();
        env.put("GENESYS_LOGIN_URL", "http://127.0.0.1:9999/login/");
        env.put("GENESYS_TRANSCRIPTS", "off");
        env.put("GENESYS_RECORDING_REGION", "eu-west-1");
        env.put("GENESYS_MAX_CONNECTIONS", "8");

        GenesysConfig c = GenesysConfig.fromEnv(env);

        assertThat(c.tokenUri()).hasToString("http://127.0.0.1:9999/login/oauth/token");
        assertThat(c.transcripts()).isFalse();
        assertThat(c.recordingRegion()).isEqualTo("eu-west-1");
        assertThat(c.maxConnections()).isEqualTo(8);
    }

    @Test
    void names_every_missing_or_malformed_variable_at_once() {
        Map<String, String> env = new HashMap<>();
        env.put("GENESYS_BASE_URL", "api.mypurecloud.ie");
        env.put("GENESYS_TIMEOUT_MS", "soon");

        assertThatThrownBy(() -> GenesysConfig.fromEnv(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GENESYS_BASE_URL must be an http(s) URL")
                .hasMessageContaining("GENESYS_CLIENT_ID is not set")
                .hasMessageContaining("GENESYS_CLIENT_SECRET is not set")
                .hasMessageContaining("GENESYS_QA_FORM_ID is not set")
                .hasMessageContaining("GENESYS_QA_EVALUATOR_ID is not set")
                .hasMessageContaining("GENESYS_TIMEOUT_MS must be a positive whole number");
    }

    @Test
    void never_shows_the_client_secret() {
        assertThat(GenesysConfig.fromEnv(minimal()).toString()).doesNotContain("very-secret").contains("clientSecret=****");
    }
}
