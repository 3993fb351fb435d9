package dev.golive.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The thread dumps the demo's load test captured. */
public final class ThreadDumps {
    private ThreadDumps() {}

    /** Every thread dump file under {@code directory}, in name order. */
    public static List<Path> of(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-threads.txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }
}
