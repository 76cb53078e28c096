package com.recguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped rules and fixtures are when the user names none: ./rules and ./fixtures when
 * they exist, else those beside the installation ({@code -Drecguard.home}, set by bin/recguard).
 */
final class Locations {
    private Locations() {}

    static Path defaultDir(String name) {
        Path here = Path.of(name);
        if (Files.isDirectory(here)) {
            return here;
        }
        String home = System.getProperty("recguard.home");
        return home == null ? here : Path.of(home, name);
    }
}
