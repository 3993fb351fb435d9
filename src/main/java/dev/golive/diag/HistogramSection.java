package dev.golive.diag;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a class histogram table: {@code num #instances #bytes class name (module)}, rows, {@code Total}. */
final class HistogramSection {
    private final String source;
    private final int index;
    private final int line;
    private final LocalDateTime timestamp;
    private final Long pid;
    private final List<HistogramRow> rows = new ArrayList<>();
    private long totalInstances = -1;
    private long totalBytes = -1;

    HistogramSection(String source, int index, int line, LocalDateTime timestamp, Long pid) {
        this.source = source;
        this.index = index;
        this.line = line;
        this.timestamp = timestamp;
        this.pid = pid;
    }

    static boolean isHeader(String text) {
        return text.startsWith("num ") && text.contains("#instances") && text.contains("#bytes");
    }

    /** Reads one stripped line; false when the table has ended before it. */
    boolean read(String text) {
        if (text.startsWith("---")) {
            return true;
        }
        if (text.startsWith("Total ")) {
            String[] words = text.split("\\s+");
            totalInstances = words.length > 1 ? parse(words[1]) : -1;
            totalBytes = words.length > 2 ? parse(words[2]) : -1;
            return true;
        }
        HistogramRow row = row(text);
        if (row != null) {
            rows.add(row);
        }
        return row != null;
    }

    /** Whether the Total line was read: nothing more belongs to the table. */
    boolean ended() {
        return totalBytes >= 0;
    }

    Histogram build() {
        long instances = 0;
        long bytes = 0;
        for (HistogramRow r : rows) {
            instances += r.instances();
            bytes += r.bytes();
        }
        return new Histogram(
                source,
                index,
                line,
                timestamp,
                pid,
                rows,
                totalInstances >= 0 ? totalInstances : instances,
                totalBytes >= 0 ? totalBytes : bytes);
    }

    /** {@code 1:  15660  3695576  [C} or {@code 3:  17282  414768  java.lang.String (java.base@25)}. */
    private static HistogramRow row(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || !digits(text, 0, colon)) {
            return null;
        }
        String[] words = text.substring(colon + 1).strip().split("\\s+", 3);
        if (words.length < 3) {
            return null;
        }
        long instances = parse(words[0]);
        long bytes = parse(words[1]);
        if (instances < 0 || bytes < 0) {
            return null;
        }
        String name = words[2];
        String module = null;
        int paren = name.lastIndexOf(" (");
        if (paren > 0 && name.endsWith(")")) {
            module = name.substring(paren + 2, name.length() - 1);
            name = name.substring(0, paren);
        }
        return new HistogramRow(name, module, instances, bytes);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
