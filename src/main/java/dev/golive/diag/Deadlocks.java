package dev.golive.diag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Deadlocks: cycles in the lock graph, on monitors and java.util.concurrent locks alike. */
final class Deadlocks {
    private Deadlocks() {}

    static void find(LockGraph graph, Claims claims, List<Candidate> out) {
        for (List<Integer> cycle : graph.cycles()) {
            out.add(candidate(graph, cycle, claims));
        }
    }

    private static Candidate candidate(LockGraph graph, List<Integer> cycle, Claims claims) {
        List<String> names = new ArrayList<>();
        Set<String> key = new TreeSet<>();
        for (int t : cycle) {
            names.add(graph.thread(t).name());
            key.add(graph.thread(t).name());
        }
        Candidate c = new Candidate(
                String.join(",", key),
                FindingKind.DEADLOCK,
                Severity.CRITICAL,
                cycle.size(),
                title(names, cycle.stream().map(graph::waitsFor).toList()),
                graph.dump());
        for (int t : cycle) {
            DumpThread thread = graph.thread(t);
            Lock lock = graph.waitsFor(t);
            c.threads.add(thread.name());
            c.locks.add(lock.toString());
            c.evidence("\"" + thread.name() + "\" " + thread.stateText() + " waits for " + lock + " held by \""
                            + graph.thread(graph.next(t)).name() + "\"")
                    .indented(Frames.evidence(thread, 4));
            claims.claim(thread, c);
        }
        behind(graph, new HashSet<>(cycle), claims, c);
        if (reportedByJvm(graph.dump(), key)) {
            c.evidence("The JVM reports this deadlock too (Found one Java-level deadlock).");
        }
        return c;
    }

    private static String title(List<String> names, List<Lock> locks) {
        long concurrent = locks.stream()
                .filter(l -> l.className().startsWith("java.util.concurrent"))
                .count();
        String what = concurrent == 0
                ? "monitors"
                : concurrent == locks.size() ? "java.util.concurrent locks" : "monitors and java.util.concurrent locks";
        if (names.size() == 2) {
            return "Deadlock: \"" + names.get(0) + "\" and \"" + names.get(1) + "\" wait for each other's " + what;
        }
        return "Deadlock of " + names.size() + " threads on " + what + ": \"" + String.join("\" → \"", names)
                + "\" → \"" + names.getFirst() + "\"";
    }

    /** Threads that wait, directly or through others, for a deadlocked thread: stuck forever too. */
    private static void behind(LockGraph graph, Set<Integer> cycle, Claims claims, Candidate c) {
        for (int t : graph.behind(cycle)) {
            DumpThread thread = graph.thread(t);
            c.evidence("also stuck behind it: \"" + thread.name() + "\" " + thread.stateText() + " waits for "
                    + graph.waitsFor(t) + " held by \""
                    + graph.thread(graph.next(t)).name() + "\"");
            claims.claim(thread, c);
        }
    }

    private static boolean reportedByJvm(ThreadDump dump, Set<String> threads) {
        for (JvmDeadlock d : dump.jvmDeadlocks()) {
            Set<String> names = new TreeSet<>();
            d.links().forEach(l -> names.add(l.thread()));
            if (names.equals(threads)) {
                return true;
            }
        }
        return false;
    }
}
