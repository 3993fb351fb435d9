package dev.golive.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stacks most threads share, among threads doing application work: not idle in a pool, not
 * waiting for the network, not the JVM's own, and not already explained by another finding.
 */
final class HotStacks {
    private static final int MANY = 10;

    private HotStacks() {}

    static void find(ThreadDump dump, Claims claims, List<Candidate> out) {
        Map<List<Frame>, List<DumpThread>> groups = new LinkedHashMap<>();
        for (DumpThread t : dump.threads()) {
            if (eligible(t, claims)) {
                groups.computeIfAbsent(t.frames(), k -> new ArrayList<>()).add(t);
            }
        }
        groups.forEach((frames, threads) -> {
            if (threads.size() > 1) {
                out.add(candidate(dump, frames, threads));
            }
        });
    }

    private static boolean eligible(DumpThread t, Claims claims) {
        return !t.frames().isEmpty()
                && !claims.claimed(t)
                && !Frames.idle(t)
                && !Frames.atRest(t)
                && Frames.application(t);
    }

    /** Running or blocked, rather than waiting for something to happen. */
    private static boolean working(DumpThread t) {
        return t.state() == ThreadState.RUNNABLE || t.state() == ThreadState.BLOCKED;
    }

    private static Candidate candidate(ThreadDump dump, List<Frame> frames, List<DumpThread> threads) {
        DumpThread first = threads.getFirst();
        Candidate c = new Candidate(
                frames.getFirst() + "#" + frames.size() + "#" + frames.hashCode(),
                FindingKind.HOT_STACK,
                threads.size() >= MANY && working(first) ? Severity.WARNING : Severity.INFO,
                threads.size(),
                threads.size() + " threads with the same stack, " + first.stateText() + " at " + Frames.caller(first),
                dump);
        Groups.where(threads, c);
        c.evidence("the stack").indented(Frames.evidence(first, 10));
        return c;
    }
}
