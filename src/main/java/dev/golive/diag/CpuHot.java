package dev.golive.diag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU-hot threads: the share of one CPU each thread used, from a {@code top -H} table joined by
 * OS thread id, else from the growth of {@code cpu=} between the first and last dumps of a series,
 * else, for a single dump, from {@code cpu=} over {@code elapsed=} since the thread started.
 */
final class CpuHot {
    private static final double LISTED = 10;
    private static final double HOT = 50;
    private static final int MAX = 10;

    private record Use(DumpThread thread, double percent) {}

    private CpuHot() {}

    static void find(Series series, List<ThreadCpu> samples, Claims claims, List<Candidate> out) {
        ThreadCpu sample = joined(series.last(), samples);
        String how;
        List<Use> uses;
        if (sample != null) {
            uses = fromTop(series.last(), sample);
            how = "as top -H measured it" + (sample.time() == null ? "" : " at " + sample.time());
        } else if (series.dumps().size() > 1) {
            uses = betweenDumps(series);
            how = "between the first and the last dump";
        } else {
            uses = sinceStart(series.last());
            how = "on average since it started";
        }
        uses = uses.stream()
                .filter(u -> u.percent() >= LISTED)
                .sorted(Comparator.comparingDouble(Use::percent).reversed())
                .limit(MAX)
                .toList();
        if (!uses.isEmpty()) {
            out.add(candidate(series, uses, how, claims));
        }
    }

    private static Candidate candidate(Series series, List<Use> uses, String how, Claims claims) {
        Use top = uses.getFirst();
        String title = uses.size() == 1
                ? "\"" + top.thread().name() + "\" used " + percent(top.percent()) + " of a CPU " + how
                : uses.size() + " threads used 10% or more of a CPU " + how + ": " + list(uses);
        Candidate c = new Candidate(
                "cpu",
                FindingKind.CPU_HOT,
                top.percent() >= HOT ? Severity.WARNING : Severity.INFO,
                uses.size(),
                title,
                series.last());
        c.seen = series.seen();
        for (Use u : uses) {
            DumpThread t = u.thread();
            c.threads.add(t.name());
            c.evidence("\"" + t.name() + "\" " + percent(u.percent()) + " " + t.stateText()
                            + (t.nid() == null ? "" : " nid=" + t.nid()))
                    .indented(Frames.evidence(t, 4));
            if (series.dumps().size() > 1 && sameTopEverywhere(series, t)) {
                c.evidence("    in the same frame in all " + series.dumps().size() + " dumps");
            }
            claims.claim(t, c);
        }
        return c;
    }

    private static String list(List<Use> uses) {
        List<String> parts = new ArrayList<>();
        for (Use u : uses.subList(0, Math.min(3, uses.size()))) {
            parts.add("\"" + u.thread().name() + "\" " + percent(u.percent()));
        }
        return String.join(", ", parts) + (uses.size() > 3 ? ", …" : "");
    }

    /** The table that shares the most OS thread ids with the dump. */
    private static ThreadCpu joined(ThreadDump dump, List<ThreadCpu> samples) {
        ThreadCpu best = null;
        long bestShared = 0;
        for (ThreadCpu s : samples) {
            long shared = dump.threads().stream()
                    .filter(t -> t.nid() != null && s.percentByNid().containsKey(t.nid()))
                    .count();
            if (shared > bestShared) {
                best = s;
                bestShared = shared;
            }
        }
        return best;
    }

    private static List<Use> fromTop(ThreadDump dump, ThreadCpu sample) {
        List<Use> uses = new ArrayList<>();
        for (DumpThread t : dump.threads()) {
            Double p = t.nid() == null ? null : sample.percentByNid().get(t.nid());
            if (p != null) {
                uses.add(new Use(t, p));
            }
        }
        return uses;
    }

    private static List<Use> betweenDumps(Series series) {
        Map<String, DumpThread> first = new HashMap<>();
        ThreadDump firstDump = null;
        for (ThreadDump d : series.dumps().subList(0, series.dumps().size() - 1)) {
            for (DumpThread t : d.threads()) {
                if (t.cpuMillis() != null && first.putIfAbsent(t.key(), t) == null && firstDump == null) {
                    firstDump = d;
                }
            }
        }
        List<Use> uses = new ArrayList<>();
        for (DumpThread t : series.last().threads()) {
            DumpThread before = first.get(t.key());
            if (before != null && t.cpuMillis() != null) {
                double seconds = seconds(before, t, firstDump, series.last());
                if (seconds > 0) {
                    uses.add(new Use(t, (t.cpuMillis() - before.cpuMillis()) / seconds / 10));
                }
            }
        }
        return uses;
    }

    private static double seconds(DumpThread before, DumpThread after, ThreadDump first, ThreadDump last) {
        if (before.elapsedSeconds() != null && after.elapsedSeconds() != null) {
            return after.elapsedSeconds() - before.elapsedSeconds();
        }
        if (first != null && first.timestamp() != null && last.timestamp() != null) {
            return Duration.between(first.timestamp(), last.timestamp()).toMillis() / 1000.0;
        }
        return -1;
    }

    private static List<Use> sinceStart(ThreadDump dump) {
        List<Use> uses = new ArrayList<>();
        for (DumpThread t : dump.threads()) {
            if (t.cpuMillis() != null && t.elapsedSeconds() != null && t.elapsedSeconds() >= 1) {
                double p = t.cpuMillis() / t.elapsedSeconds() / 10;
                if (p >= HOT) {
                    uses.add(new Use(t, p));
                }
            }
        }
        return uses;
    }

    private static boolean sameTopEverywhere(Series series, DumpThread t) {
        for (ThreadDump d : series.dumps()) {
            DumpThread same = d.threads().stream()
                    .filter(o -> o.key().equals(t.key()))
                    .findFirst()
                    .orElse(null);
            if (same == null || t.top() == null || !t.top().equals(same.top())) {
                return false;
            }
        }
        return true;
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, p >= 10 ? "%.0f%%" : "%.1f%%", p);
    }
}
