package dev.golive.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The rows of a CSV feed, handed out to virtual users from any thread: {@code queue} gives each
 * row once, {@code circular} starts over at the end, {@code random} picks any row.
 */
final class Feeder {
    private final String file;
    private final String mode;
    private final List<Map<String, String>> rows;
    private final RandomGenerator random;
    private final AtomicLong next = new AtomicLong();

    Feeder(String file, String mode, List<Map<String, String>> rows, RandomGenerator random) {
        if (rows.isEmpty()) {
            throw new StepFailure("feed " + file + " has no rows below its header row");
        }
        this.file = file;
        this.mode = mode;
        this.rows = List.copyOf(rows);
        this.random = random;
    }

    static Feeder open(Path path, String mode, RandomGenerator random) {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            if (lines.isEmpty()) {
                throw new StepFailure("feed " + path + " is empty; its first row must name the columns");
            }
            return new Feeder(path.toString(), mode, rows(path, lines), random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> rows(Path path, List<String> lines) {
        List<String> names = Csv.fields(lines.getFirst());
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = Csv.fields(lines.get(i));
            if (fields.size() != names.size()) {
                throw new StepFailure("feed " + path + " line " + (i + 1) + " has " + fields.size()
                        + " fields, the header row names " + names.size() + ": " + names);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                row.put(names.get(c), fields.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The next row for a virtual user. */
    Map<String, String> next() {
        return switch (mode) {
            case "queue" -> queued();
            case "random" -> rows.get(random.nextInt(rows.size()));
            default -> rows.get((int) (next.getAndIncrement() % rows.size()));
        };
    }

    private Map<String, String> queued() {
        long index = next.getAndIncrement();
        if (index >= rows.size()) {
            throw new StepFailure("feed " + file + " (mode queue) ran out: all " + rows.size()
                    + " rows were used; add rows or use mode circular");
        }
        return rows.get((int) index);
    }
}
