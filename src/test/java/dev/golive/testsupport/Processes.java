package dev.golive.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of this machine by their whole command line, read from {@code /proc}: unlike
 * {@link ProcessHandle.Info}, it is neither cut short for a long classpath nor lost when a process
 * rewrites its title as nginx does.
 */
public final class Processes {
    private Processes() {}

    /** The command lines that contain {@code text}. */
    public static List<String> containing(String text) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : entries.filter(e -> e.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String line = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ')
                            .strip();
                    if (line.contains(text)) {
                        found.add(p.getFileName() + " " + line);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile, or is not ours to read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }
}
