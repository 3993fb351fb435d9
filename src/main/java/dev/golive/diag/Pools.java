package dev.golive.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thread pools: threads grouped by name without the numeric suffix ({@code http-nio-8080-exec-*}),
 * kept when they run in a pool's worker frames. A member is idle when it waits in the pool's queue
 * for its next task, busy otherwise; a pool of two or more whose members are all busy is exhausted.
 */
final class Pools {
    private Pools() {}

    static void find(LockGraph graph, Claims claims, List<Candidate> out) {
        Map<String, List<DumpThread>> pools = pools(graph.dump());
        List<String> summary = new ArrayList<>();
        pools.forEach((name, members) -> {
            List<DumpThread> busy =
                    members.stream().filter(t -> !Frames.idle(t)).toList();
            summary.add(name + ": " + members.size() + " threads, " + busy.size() + " busy, "
                    + (members.size() - busy.size()) + " idle");
            if (members.size() > 1 && busy.size() == members.size()) {
                out.add(exhausted(graph.dump(), name, busy, claims));
            }
        });
        if (!pools.isEmpty()) {
            Candidate c = new Candidate(
                    "pools",
                    FindingKind.THREAD_POOLS,
                    Severity.INFO,
                    pools.size(),
                    pools.size() + (pools.size() == 1 ? " thread pool" : " thread pools") + ": busy and idle threads",
                    graph.dump());
            summary.forEach(c::evidence);
            out.add(c);
        }
    }

    /** The pools of two threads or more of a dump by name, each with its members. */
    static Map<String, List<DumpThread>> pools(ThreadDump dump) {
        Map<String, List<DumpThread>> groups =
                Groups.by(dump.threads(), t -> t.frames().isEmpty() || t.virtual() ? null : name(t.name()));
        Map<String, List<DumpThread>> pools = new LinkedHashMap<>();
        groups.forEach((name, members) -> {
            if (members.size() > 1 && members.stream().anyMatch(t -> Frames.worker(t) || Frames.idle(t))) {
                pools.put(name, members);
            }
        });
        return pools;
    }

    /** {@code pool-3-thread-7} is in {@code pool-3-thread-*}; a name without a numeric end is its own. */
    static String name(String thread) {
        int end = thread.length();
        while (end > 0 && Character.isDigit(thread.charAt(end - 1))) {
            end--;
        }
        return end == thread.length() ? thread : thread.substring(0, end) + "*";
    }

    private static Candidate exhausted(ThreadDump dump, String name, List<DumpThread> busy, Claims claims) {
        Set<Candidate> causes = new LinkedHashSet<>();
        int explained = 0;
        for (DumpThread t : busy) {
            Candidate cause = claims.in(t);
            if (cause != null) {
                causes.add(cause);
                explained++;
            }
        }
        boolean caused = explained * 2 >= busy.size();
        Candidate c = new Candidate(
                name,
                FindingKind.POOL_EXHAUSTED,
                caused ? Severity.WARNING : Severity.CRITICAL,
                busy.size(),
                "Thread pool " + name + " exhausted: all " + busy.size() + " threads busy",
                dump);
        Groups.where(busy, c);
        if (caused) {
            for (Candidate cause : causes) {
                cause.severity = Severity.CRITICAL;
                c.evidence("cause: " + cause.title);
            }
            c.evidence(explained + " of the " + busy.size() + " busy threads wait as the finding above says");
        } else {
            c.evidence("\"" + busy.getFirst().name() + "\"").indented(Frames.evidence(busy.getFirst(), 8));
        }
        busy.forEach(t -> claims.claim(t, c));
        return c;
    }
}
