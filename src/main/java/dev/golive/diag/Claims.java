package dev.golive.diag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The threads a finding already explains, so that later, lesser findings do not report them
 * again, and so that a pool's exhaustion can name its cause.
 */
final class Claims {
    private final Set<String> series = new HashSet<>();
    private final Map<String, Candidate> dump = new HashMap<>();

    /** Starts the claims of the next dump; those of the series stay. */
    void nextDump() {
        dump.clear();
    }

    void claim(DumpThread thread, Candidate by) {
        series.add(thread.key());
        dump.putIfAbsent(thread.key(), by);
    }

    /** The finding that explains the thread in the current dump, or null. */
    Candidate in(DumpThread thread) {
        return dump.get(thread.key());
    }

    /** Whether a finding explains the thread in some dump of the series. */
    boolean claimed(DumpThread thread) {
        return series.contains(thread.key());
    }
}
