package dev.golive.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plain reading of the thread dumps the demo's load test captured. */
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

    /**
     * The lock most threads wait for in the dumps, with the method that holds it: a plain reading
     * of {@code - waiting to lock} lines.
     */
    public static String hottestLock(List<Path> files) {
        Map<String, Integer> waiting = new HashMap<>();
        int threads = 0;
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                continue;
            }
            String frame = null;
            for (String line : lines) {
                String l = line.strip();
                if (l.startsWith("\"")) {
                    threads++;
                    frame = null;
                } else if (l.startsWith("at ") && frame == null) {
                    frame = l.substring(3).replaceAll("\\(.*", "");
                } else if (l.startsWith("- waiting to lock") && frame != null) {
                    waiting.merge(frame, 1, Integer::sum);
                }
            }
        }
        int all = threads;
        return waiting.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getValue() + " threads in " + files.size() + " dumps (" + all
                        + " threads) waited for the lock in " + e.getKey())
                .orElse("no thread waited for a lock");
    }
}
