package com.recguard.adapter.webhook;

import com.recguard.json.DecisionWriter;
import com.recguard.json.Json;
import com.recguard.model.Violation;
import com.recguard.service.ActionException;
import com.recguard.service.ActionHandler;
import com.recguard.service.ActionTask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ALERT: always a log line at ERROR; also a POST to a webhook when one is configured
 * ({@code RECGUARD_ALERT_WEBHOOK}), with the violations as JSON. A 5xx or a timeout is retried by
 * the outbox; the webhook should be idempotent on {@code conversationId}.
 */
public final class AlertSink implements ActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);

    private final URI webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AlertSink(URI webhook) {
        this.webhook = webhook;
    }

    @Override
    public Set<String> types() {
        return Set.of("ALERT");
    }

    @Override
    public void execute(ActionTask task) throws ActionException {
        String codes = task.decision().violations().stream().map(Violation::code).distinct().collect(Collectors.joining(","));
        LOG.error("ALERT conversation {}: {}", task.conversationId(), codes);
        if (webhook == null) {
            return;
        }
        post(DecisionWriter.alertBody(task.decision()));
    }

    /** A conversation that could not be decided: the same log line and webhook, with the reason instead of violations. */
    @Override
    public void failed(String conversationId, String reason) throws ActionException {
        LOG.error("ALERT conversation {} could not be decided: {}", conversationId, reason);
        if (webhook == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", conversationId);
        body.put("failed", reason);
        post(Json.write(body));
    }

    private void post(String body) throws ActionException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429 || r.statusCode() >= 500) {
                Duration after = r.headers().firstValue("Retry-After").map(this::seconds).orElse(null);
                throw ActionException.retryable("alert webhook answered " + r.statusCode(), after, null);
            }
            if (r.statusCode() >= 300) {
                throw ActionException.permanent("alert webhook answered " + r.statusCode() + ": " + r.body(), null);
            }
        } catch (IOException e) {
            throw ActionException.retryable("alert webhook unreachable: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ActionException.retryable("interrupted", null, e);
        }
    }

    private Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
