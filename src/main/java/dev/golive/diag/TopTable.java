package dev.golive.diag;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads per-thread CPU: the thread table of {@code top -H -b -p PID} (its PID column holds the
 * OS thread ids) or the simple form, a header line {@code nid cpu%} followed by {@code NID PERCENT} lines.
 */
final class TopTable {
    private final String source;
    private final int line;
    private final LocalTime time;
    private final int idColumn;
    private final int cpuColumn;
    private final Map<Long, Double> percent = new HashMap<>();

    private TopTable(String source, int line, LocalTime time, int idColumn, int cpuColumn) {
        this.source = source;
        this.line = line;
        this.time = time;
        this.idColumn = idColumn;
        this.cpuColumn = cpuColumn;
    }

    /** A table whose header is {@code text}, or null when it is no such header. */
    static TopTable header(String source, int line, String text, String topLine) {
        List<String> words = List.of(text.split("\\s+"));
        int id = words.indexOf("PID");
        int cpu = words.indexOf("%CPU");
        if (id >= 0 && cpu >= 0) {
            return new TopTable(source, line, time(topLine), id, cpu);
        }
        String simple = text.startsWith("#") ? text.substring(1).strip() : text;
        return simple.equalsIgnoreCase("nid cpu%") ? new TopTable(source, line, null, 0, 1) : null;
    }

    /** Reads one stripped row; false when it is not one. */
    boolean read(String text) {
        String[] words = text.split("\\s+");
        if (words.length <= Math.max(idColumn, cpuColumn)) {
            return false;
        }
        Long id = ThreadHeader.number(words[idColumn]);
        String cpu = words[cpuColumn].endsWith("%")
                ? words[cpuColumn].substring(0, words[cpuColumn].length() - 1)
                : words[cpuColumn];
        try {
            if (id == null) {
                return false;
            }
            percent.put(id, Double.parseDouble(cpu.replace(',', '.')));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    ThreadCpu build() {
        return new ThreadCpu(source, line, time, percent);
    }

    boolean isEmpty() {
        return percent.isEmpty();
    }

    /** {@code top - 10:04:01 up 3:34, …}: the time. */
    private static LocalTime time(String topLine) {
        if (topLine == null || !topLine.startsWith("top - ") || topLine.length() < 14) {
            return null;
        }
        try {
            return LocalTime.parse(topLine.substring(6, 14));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
