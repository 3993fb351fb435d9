package dev.golive.load;

import dev.golive.scenario.StepResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every transaction's and request's response times, recorded from any virtual user and taken out
 * once a second by the monitor; keeps the totals of the whole run and the last seconds of the
 * overall figures for the abort rules and the status line.
 */
final class Metrics {
    private final Map<String, Track> requests = new ConcurrentHashMap<>();
    private final Map<String, Track> transactionTracks = new ConcurrentHashMap<>();
    private final Map<String, Interval> totals = new TreeMap<>();
    private final Deque<Interval> recent = new ArrayDeque<>();
    private final int keep;
    private volatile boolean transactions;
    private volatile boolean closed;

    /** @param keep how many seconds of overall figures to keep for {@link #recent(int)} */
    Metrics(int keep) {
        this.keep = Math.max(keep, 10);
    }

    void record(StepResult step) {
        boolean transaction = step.kind().equals("transaction");
        if (closed || !(transaction || step.kind().equals("request"))) {
            return;
        }
        if (transaction && !transactions) {
            transactions = true;
        }
        Map<String, Track> tracks = transaction ? transactionTracks : requests;
        Track track = tracks.get(step.name());
        if (track == null) {
            track = tracks.computeIfAbsent(step.name(), name -> new Track(step.kind(), name));
        }
        if (step.passed()) {
            track.passed(step.time().toNanos() / 1000, step.service().toNanos() / 1000);
        } else {
            track.failed(step.error());
        }
    }

    /** Stops taking results: what comes from users cut short by an abort is not measured. */
    void close() {
        closed = true;
    }

    /** What came in since the last tick, each transaction and request and {@code overall}. */
    synchronized List<Interval> tick() {
        List<Interval> out = new ArrayList<>();
        Interval overall = Interval.empty("overall", "overall");
        String base = transactions ? "transaction" : "request";
        List<Track> all = new ArrayList<>(transactionTracks.values());
        all.addAll(requests.values());
        for (Track track : all) {
            Interval i = track.take();
            out.add(i);
            totals.computeIfAbsent(key(i.kind(), i.name()), k -> Interval.empty(i.kind(), i.name()))
                    .add(i);
            if (i.kind().equals(base)) {
                overall.add(i);
            }
        }
        out.sort((a, b) -> key(a.kind(), a.name()).compareTo(key(b.kind(), b.name())));
        out.add(overall);
        recent.addLast(overall);
        while (recent.size() > keep) {
            recent.removeFirst();
        }
        return out;
    }

    /**
     * Takes in a second measured elsewhere (by a generator on another host): its transactions and
     * requests join the totals, its {@code overall} the recent seconds. Merging histograms is
     * exact: the totals are those of one histogram of every sample.
     */
    synchronized void absorb(List<Interval> second) {
        for (Interval i : second) {
            if (i.kind().equals("overall")) {
                recent.addLast(i);
                while (recent.size() > keep) {
                    recent.removeFirst();
                }
                continue;
            }
            if (i.kind().equals("transaction")) {
                transactions = true;
            }
            totals.computeIfAbsent(key(i.kind(), i.name()), k -> Interval.empty(i.kind(), i.name()))
                    .add(i);
        }
    }

    /** The overall figures of the last {@code seconds} ticks together. */
    synchronized Interval recent(int seconds) {
        Interval sum = Interval.empty("overall", "overall");
        var it = recent.descendingIterator();
        for (int i = 0; i < seconds && it.hasNext(); i++) {
            sum.add(it.next());
        }
        return sum;
    }

    synchronized Map<String, Stats> transactions(Duration elapsed) {
        return stats("transaction", elapsed);
    }

    synchronized Map<String, Stats> requests(Duration elapsed) {
        return stats("request", elapsed);
    }

    /** All transactions together; all requests when the scenarios have no transactions. */
    synchronized Stats overall(Duration elapsed) {
        return Stats.of("overall", total(), elapsed);
    }

    /** All transactions (or requests) of the run so far together. */
    synchronized Interval total() {
        String base = transactions ? "transaction" : "request";
        Interval all = Interval.empty("overall", "overall");
        totals.values().stream().filter(i -> i.kind().equals(base)).forEach(all::add);
        return all;
    }

    private Map<String, Stats> stats(String kind, Duration elapsed) {
        Map<String, Stats> out = new TreeMap<>();
        totals.values().stream()
                .filter(i -> i.kind().equals(kind))
                .forEach(i -> out.put(i.name(), Stats.of(i.name(), i, elapsed)));
        return out;
    }

    private static String key(String kind, String name) {
        return kind + ":" + name;
    }
}
