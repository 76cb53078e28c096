package com.recguard.cli;

import com.recguard.adapter.genesys.GenesysConfig;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.archive.Buckets;
import com.recguard.http.EventAuth;
import com.recguard.http.Operators;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every setting of {@code recguard serve}, read from the environment once and validated before
 * anything starts (Dropwizard's validated configuration): {@link #from} lists every bad variable
 * at once, each with its value and what is expected, and the command exits 2 on any of them.
 * Nothing else in the service reads the environment.
 */
record ServeSettings(
        Path var,
        Path rules,
        Path fixtures,
        EventAuth eventAuth,
        Operators operators,
        GenesysConfig genesys,
        S3Settings s3,
        Buckets buckets,
        String db,
        String node,
        Duration claimFor,
        Duration settleFor,
        Duration stallAfter,
        Path holds,
        Path decisionLog,
        URI alertWebhook,
        String homeRegion,
        Duration digestEvery,
        Duration configAuditEvery,
        List<String> calibrationEvaluators,
        int calibrationsPerMonth,
        String host,
        int port,
        Duration poll,
        Duration sweepWindow,
        Duration sweepOverlap,
        Duration shutdownWithin,
        Sqs sqs,
        int concurrentActions) {

    /** The SQS intake, when {@code RECGUARD_SQS_QUEUE_URL} is set. */
    record Sqs(String queueUrl, URI endpoint, String region, String accessKeyId, String secretAccessKey) {}

    /** Settings that cannot be used: one line per problem, each naming its variable. */
    static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads and checks every setting. {@code bucketOptions} are the {@code --bucket REGION=NAME}
     * options of the command line, which win over {@code RECGUARD_ARCHIVE_BUCKET}.
     *
     * @throws Invalid listing every variable that is malformed, out of range or missing
     */
    static ServeSettings from(Map<String, String> env, Map<String, String> bucketOptions, String hostname) throws Invalid {
        Reader r = new Reader(env);
        Path var = r.path("RECGUARD_VAR", "var");
        Path rules = r.path("RECGUARD_RULES", Locations.defaultDir("rules").toString());
        Path fixtures = r.path("RECGUARD_FIXTURES", Locations.defaultDir("fixtures").toString());
        String base = var == null ? "var" : var.toString();

        EventAuth auth = null;
        try {
            auth = new EventAuth(r.text("RECGUARD_EVENT_TOKEN"), r.text("RECGUARD_EVENT_HMAC_SECRET"));
        } catch (IllegalArgumentException e) {
            r.problems.add("RECGUARD_EVENT_TOKEN / RECGUARD_EVENT_HMAC_SECRET: neither is set; expected one of them: "
                    + "events must be authenticated");
        }
        Path operatorsFile = r.path("RECGUARD_OPERATORS", Path.of(base, "operators.csv").toString());
        Operators operators = null;
        if (operatorsFile != null) {
            try {
                operators = Operators.load(operatorsFile);
                if (operators.knowsToken(r.text("RECGUARD_EVENT_TOKEN"))) {
                    r.problems.add("RECGUARD_OPERATORS=" + operatorsFile
                            + ": lists the event-source token; expected operators with tokens of their own");
                }
            } catch (Operators.OperatorsException e) {
                e.problems().forEach(p -> r.problems.add("RECGUARD_OPERATORS: " + p));
            }
        }

        GenesysConfig genesys = null;
        try {
            genesys = GenesysConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage().replaceFirst("^Genesys configuration: ", "");
            r.problems.addAll(Arrays.asList(m.split("; ")));
        }

        r.url("AWS_ENDPOINT_URL_S3");
        r.url("AWS_ENDPOINT_URL");
        S3Settings s3 = r.problems.stream().anyMatch(p -> p.startsWith("AWS_ENDPOINT_URL")) ? null : S3Settings.fromEnv(env);
        Buckets buckets = new Buckets(r.text("RECGUARD_ARCHIVE_BUCKET"), bucketOptions);

        String db = r.text("RECGUARD_DB");
        if (db != null && !db.startsWith("jdbc:")) {
            r.problems.add("RECGUARD_DB=" + db.replaceAll("(?i)(password=)[^&;]*", "$1****") + ": expected a JDBC URL (jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=...)");
        }
        if (db == null) {
            db = "jdbc:sqlite:" + Path.of(base, "recguard.db");
        }

        URI webhook = r.url("RECGUARD_ALERT_WEBHOOK");
        String evaluators = r.text("GENESYS_QA_CALIBRATION_EVALUATORS");
        if (evaluators == null && genesys != null) {
            evaluators = genesys.qaEvaluatorId();
        }
        List<String> calibrationEvaluators = evaluators == null ? List.of()
                : Arrays.stream(evaluators.split("\\s*,\\s*")).filter(s -> !s.isBlank()).toList();

        String queue = r.text("RECGUARD_SQS_QUEUE_URL");
        URI sqsEndpoint = r.url("AWS_ENDPOINT_URL_SQS");
        Sqs sqs = queue == null ? null : new Sqs(queue, sqsEndpoint, r.textOr("AWS_REGION", "eu-west-1"),
                r.text("AWS_ACCESS_KEY_ID"), r.text("AWS_SECRET_ACCESS_KEY"));

        long port = r.number("RECGUARD_PORT", 8080, 0, 65535);
        ServeSettings s = new ServeSettings(var, rules, fixtures, auth, operators, genesys, s3, buckets, db,
                r.textOr("RECGUARD_NODE", hostname),
                Duration.ofSeconds(r.number("RECGUARD_CLAIM_SECONDS", 300, 1, Long.MAX_VALUE)),
                Duration.ofMinutes(r.number("RECGUARD_SETTLE_MINUTES", 60, 1, Long.MAX_VALUE)),
                Duration.ofSeconds(r.number("RECGUARD_STALL_SECONDS", 120, 1, Long.MAX_VALUE)),
                r.path("RECGUARD_HOLDS", Path.of(base, "holds.json").toString()),
                r.path("RECGUARD_DECISION_LOG", Path.of(base, "decisions.log").toString()),
                webhook,
                r.textOr("RECGUARD_HOME_REGION", "eu-west-1"),
                Duration.ofMinutes(r.number("RECGUARD_DIGEST_MINUTES", 60, 1, Long.MAX_VALUE)),
                Duration.ofMinutes(r.number("RECGUARD_CONFIG_AUDIT_MINUTES", 360, 1, Long.MAX_VALUE)),
                calibrationEvaluators,
                (int) r.number("RECGUARD_CALIBRATIONS_PER_MONTH", 3, 0, 1000),
                r.textOr("RECGUARD_HOST", "127.0.0.1"),
                (int) port,
                Duration.ofMillis(r.number("RECGUARD_POLL_MS", 200, 1, Long.MAX_VALUE)),
                Duration.ofMinutes(r.number("RECGUARD_SWEEP_MINUTES", 60, 1, Long.MAX_VALUE)),
                Duration.ofMinutes(r.number("RECGUARD_SWEEP_OVERLAP_MINUTES", 15, 0, Long.MAX_VALUE)),
                Duration.ofSeconds(r.number("RECGUARD_SHUTDOWN_SECONDS", 20, 1, 3600)),
                sqs,
                (int) r.number("RECGUARD_CONCURRENT_ACTIONS", 1, 1, 64));
        if (!r.problems.isEmpty()) {
            throw new Invalid(r.problems);
        }
        return s;
    }

    /** Reads variables and collects what is wrong with them instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> env;
        final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String text(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String textOr(String name, String fallback) {
            String v = text(name);
            return v == null ? fallback : v;
        }

        long number(String name, long fallback, long min, long max) {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            try {
                long n = Long.parseLong(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(name + "=" + v + ": expected a whole number "
                    + (max == Long.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max));
            return fallback;
        }

        Path path(String name, String fallback) {
            String v = textOr(name, fallback);
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                problems.add(name + "=" + v + ": expected a file or folder path (" + e.getReason() + ")");
                return null;
            }
        }

        URI url(String name) {
            String v = text(name);
            if (v == null) {
                return null;
            }
            try {
                URI u = URI.create(v);
                if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                    return u;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            problems.add(name + "=" + v + ": expected an http(s) URL");
            return null;
        }
    }
}
