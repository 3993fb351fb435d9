package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * A finding while the analysis builds it: from one dump (or one series), with a key that says
 * when another dump shows the same thing, so that it is reported once with where it was seen.
 */
final class Candidate {
    final String key;
    final FindingKind kind;
    Severity severity;
    final int count;
    final String title;
    final List<String> threads = new ArrayList<>();
    final List<String> locks = new ArrayList<>();
    final List<String> classes = new ArrayList<>();
    final List<String> evidence = new ArrayList<>();
    final ThreadDump dump;
    String seen;

    Candidate(String key, FindingKind kind, Severity severity, int count, String title, ThreadDump dump) {
        this.key = kind.name() + ":" + key;
        this.kind = kind;
        this.severity = severity;
        this.count = count;
        this.title = title;
        this.dump = dump;
    }

    Candidate evidence(String line) {
        evidence.add(line);
        return this;
    }

    /** Adds the lines indented under the last evidence line. */
    Candidate indented(List<String> lines) {
        lines.forEach(l -> evidence.add("    " + l));
        return this;
    }

    Finding finding() {
        return new Finding(kind, severity, title, count, threads, locks, classes, evidence, seen);
    }
}
