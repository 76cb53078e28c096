package com.recguard.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;

/**
 * Adobe S3Mock 5.2.0 (target/s3mock/s3mock-exec.jar, copied from Maven Central by the pom), bound
 * to 127.0.0.1 on free ports. S3Mock binds its HTTP port on every interface and no property moves
 * it, so, as in shared/reference/local-servers.md, a tiny Spring initializer compiled here sets
 * the address of every Tomcat connector. S3Mock checks checksums and If-None-Match, not locks.
 */
public final class S3MockServer implements S3Server {

    static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");

    private static final String INITIALIZER = """
        package s3mockbind;
        import org.apache.catalina.connector.Connector;
        import org.springframework.beans.factory.config.BeanPostProcessor;
        import org.springframework.context.*;
        public class L implements ApplicationContextInitializer<ConfigurableApplicationContext> {
          public void initialize(ConfigurableApplicationContext ctx) {
            String a = ctx.getEnvironment().getProperty("server.address", "127.0.0.1");
            ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
              public Object postProcessAfterInitialization(Object b, String n) {
                if (b instanceof Connector c) c.setProperty("address", a);
                return b; }}); } }
        """;

    private final int port;
    private final Process process;
    private final Path store;

    private S3MockServer(int port, Process process, Path store) {
        this.port = port;
        this.process = process;
        this.store = store;
    }

    public static Optional<String> unavailable() {
        if (!Files.isRegularFile(JAR)) {
            return Optional.of(JAR + " is missing (mvn generate-test-resources copies it from Maven Central)");
        }
        if (ToolProvider.getSystemJavaCompiler() == null) {
            return Optional.of("no Java compiler in this JDK to build the loopback initializer");
        }
        return Optional.empty();
    }

    public static S3MockServer start() {
        try {
            Path loopback = loopbackJar();
            int http = Processes.freePort();
            int https = Processes.freePort();
            Path store = Files.createTempDirectory("recguard-s3mock-");
            Path log = Processes.logFile("s3mock", http);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dloader.path=" + loopback.toAbsolutePath(), "-cp", JAR.toAbsolutePath().toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--server.address=127.0.0.1", "--http.port=" + http, "--server.port=" + https,
                    "--com.adobe.testing.s3mock.store.root=" + store)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3MockServer s = new S3MockServer(http, p, store);
            Processes.awaitHttp(URI.create("http://127.0.0.1:" + http + "/"), Duration.ofSeconds(60), p, log);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds target/s3mock/loopback.jar once: the initializer, compiled against S3Mock's own Spring and Tomcat. */
    private static synchronized Path loopbackJar() throws IOException {
        Path dir = JAR.getParent().resolve("lb");
        Path jar = JAR.getParent().resolve("s3mock-loopback.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path cp = Files.createDirectories(dir.resolve("cp"));
        List<String> libs = new ArrayList<>();
        try (ZipFile z = new ZipFile(JAR.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                String n = e.getName();
                if (n.matches("BOOT-INF/lib/(spring-context|spring-beans|spring-core|tomcat-embed-core)-[0-9].*\\.jar")) {
                    Path out = cp.resolve(n.substring(n.lastIndexOf('/') + 1));
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    libs.add(out.toString());
                }
            }
        }
        Path src = Files.createDirectories(dir.resolve("src/s3mockbind")).resolve("L.java");
        Files.writeString(src, INITIALIZER);
        Path classes = Files.createDirectories(dir.resolve("out"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", String.join(java.io.File.pathSeparator, libs), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("cannot compile the S3Mock loopback initializer");
        }
        Path tmp = jar.resolveSibling("s3mock-loopback.jar.tmp");
        try (OutputStream fo = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(fo)) {
            j.putNextEntry(new JarEntry("s3mockbind/L.class"));
            j.write(Files.readAllBytes(classes.resolve("s3mockbind/L.class")));
            j.closeEntry();
            j.putNextEntry(new JarEntry("s3mockbind/L$1.class"));
            j.write(Files.readAllBytes(classes.resolve("s3mockbind/L$1.class")));
            j.closeEntry();
            j.putNextEntry(new JarEntry("META-INF/spring.factories"));
            j.write("org.springframework.context.ApplicationContextInitializer=s3mockbind.L\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    @Override
    public String name() {
        return "s3mock";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public String accessKey() {
        return "test";
    }

    @Override
    public String secretKey() {
        return "test";
    }

    @Override
    public void close() {
        Processes.stop(process);
        try (var walk = Files.walk(store)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left in the temp folder
        }
    }
}
