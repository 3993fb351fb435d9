package dev.golive.diag;

import java.util.List;

/**
 * One thing the analysis found, with its evidence.
 *
 * @param kind what was found
 * @param severity how much it matters
 * @param title one line that says it: who, what, where
 * @param count how many threads (or classes) it concerns
 * @param threads the threads involved, most relevant first (a lock's holder before its waiters)
 * @param locks the locks involved, as dumps print them: {@code <0x70fe20f58> (a java.lang.Object)}
 * @param classes the classes involved (leak suspects)
 * @param evidence the lines that show it: thread states, lock lines, stack frames, figures
 * @param seen where it was seen: the file, the dumps of a series ({@code dumps 1-3 of 3}), the histograms
 */
public record Finding(
        FindingKind kind,
        Severity severity,
        String title,
        int count,
        List<String> threads,
        List<String> locks,
        List<String> classes,
        List<String> evidence,
        String seen) {
    public Finding {
        if (kind == null || severity == null || title == null) {
            throw new IllegalArgumentException("a finding needs a kind, a severity and a title");
        }
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
        classes = List.copyOf(classes);
        evidence = List.copyOf(evidence);
        seen = seen == null ? "" : seen;
    }
}
