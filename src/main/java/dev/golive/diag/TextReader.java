package dev.golive.diag;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a text file line by line into the thread dumps, class histograms and per-thread CPU
 * tables it holds, in any number and order, with any other text around them. Lines that belong
 * to none are counted, never fatal.
 */
final class TextReader {
    private final String source;
    private final List<ThreadDump> dumps = new ArrayList<>();
    private final List<Histogram> histograms = new ArrayList<>();
    private final List<ThreadCpu> cpu = new ArrayList<>();
    private final Map<String, Frame> frames = new HashMap<>();
    private int lines;
    private int skipped;
    private LocalDateTime timestamp;
    private Long pid;
    private String previous;
    private String topLine;
    private DumpBuilder dump;
    private HistogramSection histogram;
    private TopTable table;

    private TextReader(String source) {
        this.source = source;
    }

    static Capture read(String source, BufferedReader reader) throws IOException {
        TextReader r = new TextReader(source);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            r.line(line);
        }
        r.closeAll();
        return new Capture(source, r.lines, r.skipped, r.dumps, r.histograms, r.cpu);
    }

    private void line(String raw) {
        lines++;
        if (dump != null && histogram == null && table == null) {
            int i = indent(raw);
            if (raw.startsWith("at ", i) && dump.frame(raw.substring(i + 3))) {
                return;
            }
        }
        String text = raw.strip();
        if (histogram != null && histogramLine(text)) {
            return;
        }
        if (table != null && tableLine(text)) {
            return;
        }
        if (start(text)) {
            return;
        }
        if (dump != null && dump.read(raw, text)) {
            if (dump.ended()) {
                closeDump();
            }
            return;
        }
        outside(text);
    }

    private boolean histogramLine(String text) {
        if (histogram.read(text)) {
            if (histogram.ended()) {
                closeHistogram();
            }
            return true;
        }
        closeHistogram();
        return false;
    }

    private boolean tableLine(String text) {
        if (!text.isEmpty() && table.read(text)) {
            return true;
        }
        closeTable();
        return text.isEmpty();
    }

    /** A line that starts a dump, a histogram or a CPU table. */
    private boolean start(String text) {
        if (text.startsWith("Full thread dump")) {
            String jvm = text.substring(16).strip();
            startDump(jvm.endsWith(":") ? jvm.substring(0, jvm.length() - 1) : jvm);
            return true;
        }
        if (HistogramSection.isHeader(text)) {
            closeAll();
            histogram = new HistogramSection(source, histograms.size() + 1, lines, fresh(), pid);
            return true;
        }
        if (text.startsWith("PID ") || text.startsWith("nid") || text.startsWith("#")) {
            TopTable header = TopTable.header(source, lines, text, topLine);
            if (header != null) {
                closeAll();
                table = header;
                return true;
            }
        }
        if (dump == null && ThreadHeader.isNumbered(text)) {
            startDump(versionLine());
            dump.read(text, text);
            return true;
        }
        return false;
    }

    /** Text outside any capture: remembers timestamps, process ids and top's first line; skips the rest. */
    private void outside(String text) {
        if (text.isEmpty()) {
            return;
        }
        LocalDateTime time = Times.parse(text);
        if (time != null) {
            timestamp = time;
        } else if (pidLine(text)) {
            pid = ThreadHeader.number(
                    text.startsWith("pid:") ? text.substring(4).strip() : text.replace(":", ""));
        } else if (text.startsWith("top - ")) {
            topLine = text;
        } else if (topLine == null || !topSummary(text)) {
            skipped++;
        }
        previous = text;
    }

    /** The summary lines top prints between its first line and the table. */
    private static boolean topSummary(String text) {
        return text.startsWith("Threads:")
                || text.startsWith("Tasks:")
                || text.startsWith("%Cpu")
                || text.startsWith("MiB ")
                || text.startsWith("KiB ")
                || text.startsWith("GiB ");
    }

    private static int indent(String raw) {
        int i = 0;
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean pidLine(String text) {
        String digits = text.startsWith("pid:") ? text.substring(4).strip() : text;
        digits = digits.endsWith(":") ? digits.substring(0, digits.length() - 1) : digits;
        if (digits.isEmpty() || digits.length() > 10) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Thread.dump_to_file's text starts with the pid, the time and the runtime version, each on a line. */
    private String versionLine() {
        if (previous != null
                && !previous.isEmpty()
                && Character.isDigit(previous.charAt(0))
                && previous.indexOf(' ') < 0) {
            skipped--;
            return "Java " + previous;
        }
        return "";
    }

    private void startDump(String jvm) {
        closeAll();
        dump = new DumpBuilder(source, dumps.size() + 1, lines, fresh(), pid, jvm, frames);
    }

    /** The last timestamp seen since the previous capture, which dates the next one. */
    private LocalDateTime fresh() {
        LocalDateTime t = timestamp;
        timestamp = null;
        return t;
    }

    private void closeAll() {
        closeDump();
        closeHistogram();
        closeTable();
    }

    private void closeDump() {
        if (dump != null) {
            dumps.add(dump.build());
            dump = null;
        }
    }

    private void closeHistogram() {
        if (histogram != null) {
            histograms.add(histogram.build());
            histogram = null;
        }
    }

    private void closeTable() {
        if (table != null) {
            if (!table.isEmpty()) {
                cpu.add(table.build());
            }
            table = null;
            topLine = null;
        }
    }
}
