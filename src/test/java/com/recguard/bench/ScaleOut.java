package com.recguard.bench;

import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.sqs.SqsConsumer;
import com.recguard.http.Operators;
import com.recguard.servers.MotoServer;
import com.recguard.servers.Processes;
import com.recguard.servers.S3Server;
import com.recguard.servers.TestBuckets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Scale-out, measured: one, two and three {@code recguard serve} processes on one PostgreSQL and
 * one SQS queue (ElasticMQ), against a Genesys stand-in over HTTP that answers every call after a
 * fixed latency ({@link ScaleOutGenesys}) and moto_server as the archive. Each run gets a fresh
 * database, queue and bucket; N conversation-end events go into the queue at once, and the run
 * ends when every conversation has a final decision and the outbox is empty. Then PostgreSQL and
 * the bucket are checked ({@link ScaleOutChecks}): nothing lost, nothing decided or archived
 * twice. A last run kills one of two nodes with SIGKILL once half the conversations are decided.
 *
 * <p>Run: {@code bin/scale-out [--conversations N] [--nodes 1,2,3] [--latency-ms 50] [--no-kill]};
 * prints a Markdown table and writes it to target/bench/scale-out.md; exits 1 on any loss or duplicate.
 */
public final class ScaleOut {

    static final String EVENT_TOKEN = "scale-out-event-token";
    /** Conversations a node archives at once (RECGUARD_CONCURRENT_ACTIONS; --concurrent-actions). */
    static int concurrentActions = 4;
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1");

    record Result(String label, int nodes, int conversations, double seconds, String killed, Map<String, Integer> outbox,
                  int maxGenesysChanges, int genesysCalls, List<String> problems, String load) {
        double perSecond() {
            return conversations / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int n = 60;
        List<Integer> nodeCounts = List.of(1, 2, 3);
        long latency = 50;
        boolean kill = true;
        int mediaKib = 64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--conversations" -> n = Integer.parseInt(args[++i]);
                case "--nodes" -> nodeCounts = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--latency-ms" -> latency = Long.parseLong(args[++i]);
                case "--media-kib" -> mediaKib = Integer.parseInt(args[++i]);
                case "--no-kill" -> kill = false;
                case "--concurrent-actions" -> concurrentActions = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("scale-out: unknown option " + args[i]
                            + " (expected --conversations N, --nodes 1,2,3, --latency-ms MS, --media-kib K, --concurrent-actions C, --no-kill)");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("recguard-scale-");
        System.err.println("scale-out: node logs and the PostgreSQL cluster under " + work);
        Path bin = MotoServer.binary().orElseThrow(() -> new IllegalStateException("moto_server is not installed"));
        List<Result> results = new ArrayList<>();
        int sqsPort = Processes.freePort();
        SQSRestServer sqsServer = SQSRestServerBuilder.withPort(sqsPort).withInterface("127.0.0.1").start();
        sqsServer.waitUntilStarted();
        URI sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
        try (Postgres pg = Postgres.start(work.resolve("pg"));
             MotoServer moto = MotoServer.start(bin);
             ScaleOutGenesys genesys = new ScaleOutGenesys(latency, mediaKib * 1024);
             SqsClient sqs = SqsConsumer.client(sqsEndpoint, "us-east-1", "x", "x")) {
            int k = 0;
            for (int nodes : nodeCounts) {
                results.add(run(++k, nodes, n, false, pg, moto, genesys, sqs, sqsEndpoint, work));
            }
            if (kill) {
                results.add(run(++k, 2, n, true, pg, moto, genesys, sqs, sqsEndpoint, work));
            }
            if (!genesys.unknown.isEmpty()) {
                System.err.println("Genesys calls the stub does not serve (answered 404): " + genesys.unknown);
            }
        } finally {
            sqsServer.stopAndWait();
        }
        String table = table(results, n, latency, mediaKib);
        System.out.println(table);
        Path out = Path.of("target", "bench", "scale-out.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        boolean bad = results.stream().anyMatch(r -> !r.problems().isEmpty());
        results.forEach(r -> r.problems().forEach(p -> System.err.println(r.label() + ": " + p)));
        System.exit(bad ? 1 : 0);
    }

    static String table(List<Result> results, int n, long latency, int mediaKib) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d conversations per run; Genesys stub latency %d ms per call; media %d KiB per"
                + " recording; %d conversations archived at once per node; PostgreSQL, ElasticMQ, moto_server and the nodes on"
                + " this machine (%d cores)%n%n", n, latency, mediaKib, concurrentActions, Runtime.getRuntime().availableProcessors()));
        s.append("| run | nodes | conversations/s | x one node | seconds | node killed | outbox | Genesys calls |"
                + " most Genesys changes (PATCH, POST) to one conversation | load average during | duplicates or losses |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        double one = results.stream().filter(r -> r.nodes() == 1 && r.killed() == null).mapToDouble(Result::perSecond)
                .findFirst().orElse(Double.NaN);
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2fx | %.1f | %s | %s | %d | %d | %s | %s |%n", r.label(),
                    r.nodes(), r.perSecond(), r.perSecond() / one, r.seconds(), r.killed() == null ? "" : r.killed(),
                    r.outbox(), r.genesysCalls(), r.maxGenesysChanges(), r.load(),
                    r.problems().isEmpty() ? "none" : String.join("; ", r.problems())));
        }
        return s.toString();
    }

    static Result run(int k, int nodes, int n, boolean kill, Postgres pg, S3Server s3, ScaleOutGenesys genesys, SqsClient sqs,
                      URI sqsEndpoint, Path work) throws Exception {
        String label = kill ? "kill -9" : nodes + " node" + (nodes > 1 ? "s" : "");
        System.err.printf("%n== run %d: %s, %d conversations ==%n", k, label, n);
        String db = pg.createDatabase("scale_" + k);
        String queue = sqs.createQueue(q -> q.queueName("genesys-events-" + k)).queueUrl();
        String template = "scale-" + ProcessHandle.current().pid() + "-" + k + "-{region}";
        try (S3Client admin = s3.rawClient()) {
            for (String region : REGIONS) {
                TestBuckets.locked(admin, template.replace("{region}", region));
            }
        }
        genesys.changes.clear();
        int callsBefore = genesys.calls.get();
        List<Node> started = new ArrayList<>();
        try {
            for (int i = 1; i <= nodes; i++) {
                Map<String, String> env = new HashMap<>(genesys.env());
                env.putAll(s3.env());
                env.putAll(Map.of("RECGUARD_DB", db, "RECGUARD_SQS_QUEUE_URL", queue, "AWS_ENDPOINT_URL_SQS",
                        sqsEndpoint.toString(), "RECGUARD_ARCHIVE_BUCKET", template, "RECGUARD_NODE", "node-" + i,
                        "RECGUARD_POLL_MS", "100", "RECGUARD_CLAIM_SECONDS", "20", "RECGUARD_EVENT_TOKEN", EVENT_TOKEN,
                        "RECGUARD_CONCURRENT_ACTIONS", String.valueOf(concurrentActions)));
                started.add(Node.start(work.resolve("run-" + k + "/node-" + i), env));
            }
            for (Node node : started) {
                node.awaitUp();
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(ScaleOutGenesys.conversationId(k * 100_000 + i));
            }
            String loadBefore = load();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i += 10) {
                List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                for (int j = i; j < Math.min(n, i + 10); j++) {
                    batch.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(endEvent(ids.get(j))).build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(batch));
            }
            String killed = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(Math.max(5, n / 20)).toNanos();
            double seconds = Double.NaN;
            try (Connection c = DriverManager.getConnection(db)) {
                while (System.nanoTime() < deadline) {
                    int decided = scalar(c, "SELECT count(DISTINCT conversation_id) FROM decisions WHERE is_final = 1");
                    int open = scalar(c, "SELECT count(*) FROM outbox WHERE status NOT IN ('DONE', 'DEAD')");
                    int outbox = scalar(c, "SELECT count(*) FROM outbox");
                    if (kill && killed == null && decided >= n / 2) {
                        Node victim = started.get(0);
                        victim.process.destroyForcibly(); // SIGKILL
                        victim.process.waitFor(10, TimeUnit.SECONDS);
                        killed = String.format(Locale.ROOT, "node-1 at %.1f s, %d of %d decided", (System.nanoTime() - t0) / 1e9,
                                decided, n);
                        System.err.println("killed " + killed);
                    }
                    if (decided >= n && outbox > 0 && open == 0) {
                        seconds = (System.nanoTime() - t0) / 1e9;
                        break;
                    }
                    Thread.sleep(200);
                }
            }
            String loadAfter = load();
            if (Double.isNaN(seconds)) {
                System.err.println("run " + k + " did not finish in time; checking what there is");
                seconds = (System.nanoTime() - t0) / 1e9;
            }
            Map<String, Integer> finals;
            Map<String, Integer> outbox;
            try (Connection c = DriverManager.getConnection(db)) {
                finals = counts(c, "SELECT conversation_id, count(*) FROM decisions WHERE is_final = 1 GROUP BY conversation_id");
                outbox = new TreeMap<>(counts(c, "SELECT status, count(*) FROM outbox GROUP BY status"));
            }
            Map<String, Integer> versions = new HashMap<>();
            try (S3Client admin = s3.rawClient()) {
                for (String region : REGIONS) {
                    String bucket = template.replace("{region}", region);
                    for (var page : admin.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
                        page.versions().forEach(v -> versions.merge(v.key(), 1, Integer::sum));
                    }
                }
            }
            List<String> problems = new ScaleOutChecks(ids, finals, outbox, versions).problems();
            // per conversation only (the deletion-protection PUT names recordings, not a conversation)
            int maxChanges = genesys.changes.entrySet().stream().filter(e -> !e.getKey().startsWith("PUT deletionprotection"))
                    .mapToInt(e -> e.getValue().get()).max().orElse(0);
            System.err.println("Genesys changes: " + new TreeMap<>(genesys.changes).entrySet().stream().limit(6).toList());
            System.err.printf(Locale.ROOT, "run %d: %.1f s, %.2f conversations/s, outbox %s, %d objects, problems %s%n", k,
                    seconds, n / seconds, outbox, versions.size(), problems);
            return new Result(label, nodes, n, seconds, killed, outbox, maxChanges, genesys.calls.get() - callsBefore, problems,
                    loadBefore + " → " + loadAfter);
        } finally {
            for (Node node : started) {
                Processes.stop(node.process);
            }
        }
    }

    /** The EventBridge envelope Genesys sends at a customer's end of a conversation (as ServeProcess sends it). */
    static String endEvent(String id) {
        return """
            {"detail-type":"v2.detail.events.conversation.{id}.customer.end","source":"aws.partner/genesys.com",
             "detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
             "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}""".formatted(id, id);
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static int scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Map<String, Integer> counts(Connection c, String sql) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** One {@code recguard serve} process with a var/ folder and a port of its own. */
    record Node(Path dir, int port, Process process) {
        static Node start(Path dir, Map<String, String> env) throws IOException {
            Files.createDirectories(dir.resolve("var"));
            Files.writeString(dir.resolve("var/operators.csv"), "bench,viewer," + Operators.hashOf("scale-out-operator") + "\n");
            int port = Processes.freePort();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=UTC", "-Xmx512m", "-cp", Processes.testClasspath(), "com.recguard.cli.Main", "serve")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
            pb.environment().putAll(env);
            pb.environment().putAll(Map.of("RECGUARD_PORT", String.valueOf(port), "RECGUARD_VAR", dir.resolve("var").toString(),
                    "RECGUARD_FIXTURES", dir.resolve("no-fixtures").toString()));
            return new Node(dir, port, pb.start());
        }

        void awaitUp() {
            Processes.awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(180), process,
                    dir.resolve("serve.log"));
        }
    }

    /**
     * A throw-away PostgreSQL cluster: initdb in a temporary folder, listening on 127.0.0.1 and a
     * free port only, trust authentication, stopped and left on disk at close. As root, the server
     * binaries run as the {@code postgres} user (PostgreSQL refuses to run as root).
     */
    static final class Postgres implements AutoCloseable {
        final Path dir;
        final int port;
        final Path bin;
        final boolean root;

        private Postgres(Path dir, int port, Path bin, boolean root) {
            this.dir = dir;
            this.port = port;
            this.bin = bin;
            this.root = root;
        }

        static Postgres start(Path dir) throws Exception {
            Path bin = binDir();
            boolean root = "root".equals(System.getProperty("user.name"));
            Files.createDirectories(dir);
            if (root) {
                exec(List.of("chown", "-R", "postgres", dir.toString()), false);
                exec(List.of("chmod", "o+rx", dir.getParent().toString()), false);
            }
            int port = Processes.freePort();
            Postgres pg = new Postgres(dir, port, bin, root);
            exec(pg.as(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8"), true);
            exec(pg.as(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("pg.log").toString(),
                    "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c max_connections=200 -c fsync=off", "-w", "start"), true);
            return pg;
        }

        static Path binDir() throws IOException {
            try (var s = Files.list(Path.of("/usr/lib/postgresql"))) {
                return s.sorted(java.util.Comparator.reverseOrder()).map(p -> p.resolve("bin")).filter(Files::isDirectory)
                        .findFirst().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed under /usr/lib/postgresql"));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql); see .ci/install-test-servers");
            }
        }

        List<String> as(String... command) {
            List<String> out = new ArrayList<>();
            if (root) {
                out.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            out.addAll(List.of(command));
            return out;
        }

        String createDatabase(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return url(name);
        }

        String url(String db) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=postgres";
        }

        static void exec(List<String> command, boolean mustSucceed) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0 && mustSucceed) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        }

        @Override
        public void close() throws Exception {
            exec(as(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "stop"), false);
        }
    }
}
