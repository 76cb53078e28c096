package com.recguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The shipped rule pack and fixtures, and scratch copies of them for tests that break things. */
public final class TestPaths {
    public static final Path RULES = Path.of("rules");
    public static final Path FIXTURES = Path.of("fixtures");

    private TestPaths() {}

    public static Path copyOf(Path dir, Path into) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = into.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
