package dev.golive.diag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dumps of one JVM, oldest first. Dumps are of one JVM when their process ids are equal, or,
 * without process ids, when they come from one file or share most of their OS thread ids. They
 * are ordered by timestamp, then by uptime (the longest {@code elapsed=}), else as given.
 */
record Series(List<ThreadDump> dumps) {
    Series {
        dumps = List.copyOf(dumps);
    }

    static List<Series> of(List<ThreadDump> all) {
        List<List<ThreadDump>> groups = new ArrayList<>();
        for (ThreadDump d : all) {
            List<ThreadDump> group = groups.stream()
                    .filter(g -> sameJvm(g.getLast(), d))
                    .findFirst()
                    .orElse(null);
            if (group == null) {
                groups.add(new ArrayList<>(List.of(d)));
            } else {
                group.add(d);
            }
        }
        return groups.stream().map(g -> new Series(ordered(g))).toList();
    }

    ThreadDump last() {
        return dumps.getLast();
    }

    /** The position of a dump in the series, from 0. */
    int position(ThreadDump dump) {
        for (int i = 0; i < dumps.size(); i++) {
            if (dumps.get(i) == dump) {
                return i;
            }
        }
        throw new IllegalArgumentException(dump.label() + " is not in the series");
    }

    /** Where something seen in the dumps at the given positions was seen. */
    String seen(Set<Integer> positions) {
        if (dumps.size() == 1) {
            return dumps.getFirst().label();
        }
        Set<String> sources = new LinkedHashSet<>();
        List<String> numbers = new ArrayList<>();
        for (int i : new TreeSet<>(positions)) {
            sources.add(dumps.get(i).source());
            numbers.add(String.valueOf(i + 1));
        }
        String where = "in " + numbers.size() + " of " + dumps.size() + " dumps";
        if (numbers.size() < dumps.size()) {
            where += " (dump " + String.join(", ", numbers) + ")";
        }
        Set<String> all = new LinkedHashSet<>();
        dumps.forEach(d -> all.add(d.source()));
        return (all.size() == 1 ? all.iterator().next() + ": " + where : where + ": " + String.join(", ", sources))
                + span();
    }

    /** Where something seen across the whole series was seen. */
    String seen() {
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < dumps.size(); i++) {
            all.add(i);
        }
        return seen(all);
    }

    /** The series' time span, when its dumps have timestamps: {@code (2021-09-15 17:33:34, 2 s)}. */
    private String span() {
        ThreadDump first = dumps.getFirst();
        ThreadDump last = dumps.getLast();
        if (first.timestamp() == null || last.timestamp() == null) {
            return "";
        }
        long seconds = Duration.between(first.timestamp(), last.timestamp()).toSeconds();
        return " (from " + Times.format(first.timestamp()) + ", over " + seconds + " s)";
    }

    private static boolean sameJvm(ThreadDump a, ThreadDump b) {
        if (a.pid() != null && b.pid() != null) {
            return a.pid().equals(b.pid());
        }
        if (a.source().equals(b.source())) {
            return true;
        }
        return a.jvm().equals(b.jvm()) && sharedThreads(a, b);
    }

    /** Whether most threads of the smaller dump are in the other with the same name and OS thread id. */
    private static boolean sharedThreads(ThreadDump a, ThreadDump b) {
        Set<String> ids = new HashSet<>();
        a.threads().stream().filter(t -> t.nid() != null).forEach(t -> ids.add(t.name() + "@" + t.nid()));
        long withNid = b.threads().stream().filter(t -> t.nid() != null).count();
        long shared = b.threads().stream()
                .filter(t -> t.nid() != null && ids.contains(t.name() + "@" + t.nid()))
                .count();
        long smaller = Math.min(ids.size(), withNid);
        return smaller > 0 && shared * 2 > smaller;
    }

    private static List<ThreadDump> ordered(List<ThreadDump> dumps) {
        List<ThreadDump> sorted = new ArrayList<>(dumps);
        if (dumps.stream().map(ThreadDump::timestamp).allMatch(Objects::nonNull)) {
            sorted.sort(Comparator.comparing(ThreadDump::timestamp).thenComparingDouble(ThreadDump::uptime));
        } else if (dumps.stream().allMatch(d -> d.uptime() >= 0)) {
            sorted.sort(Comparator.comparingDouble(ThreadDump::uptime));
        }
        return sorted;
    }
}
