package dev.golive.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the finders over the series of dumps and histograms, causes first so that later findings
 * leave out the threads earlier ones explain, and merges what several dumps show into one finding.
 */
final class Analysis {
    private static final int HOT_STACKS = 3;

    private Analysis() {}

    static List<Finding> run(List<Capture> captures) {
        List<ThreadDump> dumps = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        List<ThreadCpu> cpu = new ArrayList<>();
        for (Capture c : captures) {
            dumps.addAll(c.dumps());
            histograms.addAll(c.histograms());
            cpu.addAll(c.cpu());
        }
        List<Finding> findings = new ArrayList<>();
        for (Series s : Series.of(dumps)) {
            merge(s, threads(s, cpu)).forEach(c -> findings.add(c.finding()));
        }
        for (List<Histogram> s : HistogramSeries.of(histograms)) {
            List<Candidate> out = new ArrayList<>();
            Leaks.find(s, out);
            out.forEach(c -> findings.add(c.finding()));
        }
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(Finding::kind)
                .thenComparing(Comparator.comparingInt(Finding::count).reversed()));
        return findings;
    }

    private static List<Candidate> threads(Series series, List<ThreadCpu> cpu) {
        List<Candidate> out = new ArrayList<>();
        Claims claims = new Claims();
        for (ThreadDump d : series.dumps()) {
            claims.nextDump();
            LockGraph graph = new LockGraph(d);
            Deadlocks.find(graph, claims, out);
            Contention.find(graph, claims, out);
            ConnectionWaits.find(graph, claims, out);
            DatabaseWaits.find(graph, claims, out);
            Pools.find(graph, claims, out);
        }
        claims.nextDump();
        CpuHot.find(series, cpu, claims, out);
        Stuck.find(series, claims, out);
        for (ThreadDump d : series.dumps()) {
            HotStacks.find(d, claims, out);
        }
        return out;
    }

    /** One finding per key: the dump that shows the most of it, the highest severity, where it was seen. */
    private static List<Candidate> merge(Series series, List<Candidate> candidates) {
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        candidates.forEach(
                c -> byKey.computeIfAbsent(c.key, k -> new ArrayList<>()).add(c));
        List<Candidate> merged = new ArrayList<>();
        for (List<Candidate> same : byKey.values()) {
            Candidate best = same.getFirst();
            Severity severity = best.severity;
            Set<Integer> seen = new HashSet<>();
            for (Candidate c : same) {
                int position = series.position(c.dump);
                seen.add(position);
                severity = c.severity.compareTo(severity) < 0 ? c.severity : severity;
                if (c.count >= best.count) {
                    best = c;
                }
            }
            best.severity = severity;
            best.seen = best.seen != null ? best.seen : series.seen(seen);
            merged.add(best);
        }
        return fewerHotStacks(merged);
    }

    private static List<Candidate> fewerHotStacks(List<Candidate> merged) {
        List<Candidate> stacks = merged.stream()
                .filter(c -> c.kind == FindingKind.HOT_STACK)
                .sorted(Comparator.comparingInt((Candidate c) -> c.count).reversed())
                .toList();
        List<Candidate> kept = new ArrayList<>(merged);
        kept.removeAll(stacks.subList(Math.min(HOT_STACKS, stacks.size()), stacks.size()));
        return kept;
    }
}
