package dev.golive.diag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock contention: each lock with threads blocked on it (a monitor) or parked on it (a
 * java.util.concurrent lock), who holds it, what the holder is doing, and whom the holder waits for.
 */
final class Contention {
    private static final int CRITICAL_WAITERS = 5;

    private Contention() {}

    static void find(LockGraph graph, Claims claims, List<Candidate> out) {
        for (Map.Entry<String, List<Integer>> e : graph.waiters().entrySet()) {
            List<Integer> waiters = new ArrayList<>();
            for (int w : e.getValue()) {
                if (claims.in(graph.thread(w)) == null) {
                    waiters.add(w);
                }
            }
            if (!waiters.isEmpty()) {
                out.add(candidate(graph, e.getKey(), waiters, claims));
            }
        }
    }

    private static Candidate candidate(LockGraph graph, String lockId, List<Integer> waiters, Claims claims) {
        Lock lock = graph.waitsFor(waiters.getFirst());
        int holder = graph.holder(lockId);
        int n = waiters.size();
        Severity severity = n >= CRITICAL_WAITERS ? Severity.CRITICAL : n > 1 ? Severity.WARNING : Severity.INFO;
        String how = graph.thread(waiters.getFirst()).state() == ThreadState.BLOCKED ? "blocked on" : "parked on";
        String who = holder < 0
                ? "held by no thread the dump shows"
                : "held by \"" + graph.thread(holder).name() + "\"";
        Candidate c = new Candidate(
                lockId,
                FindingKind.LOCK_CONTENTION,
                severity,
                n,
                (n == 1 ? "1 thread " : n + " threads ") + how + " " + lock + " " + who,
                graph.dump());
        c.locks.add(lock.toString());
        if (holder >= 0) {
            holderEvidence(graph, holder, c);
            claims.claim(graph.thread(holder), c);
        }
        waiterEvidence(graph, waiters, c);
        for (int w : waiters) {
            claims.claim(graph.thread(w), c);
        }
        return c;
    }

    private static void holderEvidence(LockGraph graph, int holder, Candidate c) {
        DumpThread h = graph.thread(holder);
        c.threads.add(h.name());
        c.evidence("holder \"" + h.name() + "\" " + h.stateText()).indented(Frames.evidence(h, 6));
        Set<Integer> seen = new HashSet<>(List.of(holder));
        for (int t = holder, next = graph.next(t); next >= 0 && seen.add(next); t = next, next = graph.next(t)) {
            DumpThread n = graph.thread(next);
            c.threads.add(n.name());
            c.evidence("which waits for " + graph.waitsFor(t) + " held by \"" + n.name() + "\" " + n.stateText())
                    .indented(Frames.evidence(n, 3));
        }
    }

    private static void waiterEvidence(LockGraph graph, List<Integer> waiters, Candidate c) {
        Map<String, Integer> where = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int w : waiters) {
            DumpThread t = graph.thread(w);
            c.threads.add(t.name());
            names.add(t.name());
            where.merge(String.valueOf(Frames.caller(t)), 1, Integer::sum);
        }
        c.evidence("waiting: " + Text.names(names));
        where.forEach((frame, count) -> c.evidence("    " + count + " × at " + frame));
    }
}
