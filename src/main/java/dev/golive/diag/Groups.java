package dev.golive.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Threads of a dump grouped by something they share, in the order first seen. */
final class Groups {
    private Groups() {}

    static <K> Map<K, List<DumpThread>> by(List<DumpThread> threads, Function<DumpThread, K> key) {
        Map<K, List<DumpThread>> groups = new LinkedHashMap<>();
        for (DumpThread t : threads) {
            K k = key.apply(t);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            }
        }
        return groups;
    }

    /** Adds the threads' names and where they are, as {@code 4 × STATE at frame}, to a finding. */
    static void where(List<DumpThread> threads, Candidate c, String... skipped) {
        Map<String, Integer> where = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (DumpThread t : threads) {
            c.threads.add(t.name());
            names.add(t.name());
            where.merge(t.stateText() + " at " + Frames.caller(t, skipped), 1, Integer::sum);
        }
        c.evidence("threads: " + Text.names(names));
        where.forEach((frame, count) -> c.evidence("    " + count + " × " + frame));
    }
}
