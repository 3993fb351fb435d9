package dev.golive.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Threads stuck in the same frames across the dumps of a series: the same thread, with the same
 * top frames, RUNNABLE (not waiting for the network or a selector) or BLOCKED in every dump.
 */
final class Stuck {
    private static final int TOP = 5;

    private Stuck() {}

    static void find(Series series, Claims claims, List<Candidate> out) {
        if (series.dumps().size() < 2) {
            return;
        }
        List<Map<String, DumpThread>> byKey = new ArrayList<>();
        for (ThreadDump d : series.dumps()) {
            Map<String, DumpThread> m = new HashMap<>();
            d.threads().forEach(t -> m.putIfAbsent(t.key(), t));
            byKey.add(m);
        }
        Map<List<Frame>, List<DumpThread>> groups = new LinkedHashMap<>();
        for (DumpThread t : series.last().threads()) {
            if (!t.frames().isEmpty() && !claims.claimed(t) && stuckEverywhere(t, byKey)) {
                groups.computeIfAbsent(top(t), k -> new ArrayList<>()).add(t);
            }
        }
        groups.forEach((frames, threads) -> out.add(candidate(series, frames, threads, claims)));
    }

    private static Candidate candidate(Series series, List<Frame> frames, List<DumpThread> threads, Claims claims) {
        DumpThread first = threads.getFirst();
        int n = series.dumps().size();
        String who = threads.size() == 1 ? "\"" + first.name() + "\" " + first.state() : threads.size() + " threads";
        Candidate c = new Candidate(
                frames.toString(),
                FindingKind.STUCK,
                Severity.WARNING,
                threads.size(),
                who + " in the same frames in all " + n + " dumps, at " + frames.getFirst(),
                series.last());
        c.seen = series.seen();
        Groups.where(threads, c);
        c.evidence("\"" + first.name() + "\"").indented(Frames.evidence(first, 8));
        threads.forEach(t -> claims.claim(t, c));
        return c;
    }

    private static boolean stuckEverywhere(DumpThread t, List<Map<String, DumpThread>> dumps) {
        List<Frame> top = top(t);
        for (Map<String, DumpThread> d : dumps) {
            DumpThread same = d.get(t.key());
            if (same == null || !busy(same) || !top(same).equals(top)) {
                return false;
            }
        }
        return true;
    }

    private static boolean busy(DumpThread t) {
        return switch (t.state()) {
            case BLOCKED -> true;
            case RUNNABLE -> !Frames.atRest(t) && !Frames.idle(t);
            default -> false;
        };
    }

    private static List<Frame> top(DumpThread t) {
        return t.frames().subList(0, Math.min(TOP, t.frames().size()));
    }
}
