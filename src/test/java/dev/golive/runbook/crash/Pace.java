package dev.golive.runbook.crash;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How long the phases of a walk have taken lately, as the trials saw them: JVM start to store
 * and plan open, opening to the run's start, and the gap between two lines of the walk. Kills are
 * aimed by it, so that they spread over the phases however busy the machine is at the time.
 * The trials report what they see; the first guess comes from walks that were not killed.
 */
final class Pace {
    private static final int KEPT = 8;

    private final Deque<Long> opening = new ArrayDeque<>();
    private final Deque<Long> starting = new ArrayDeque<>();
    private final Deque<Long> gaps = new ArrayDeque<>();

    /** The phases now, in microseconds. */
    record Timing(long openMicros, long startMicros, long gapMicros) {}

    Pace(long openMicros, long startMicros, long gapMicros) {
        opening.add(openMicros);
        starting.add(startMicros);
        gaps.add(gapMicros);
    }

    synchronized Timing now() {
        return new Timing(mean(opening), mean(starting), mean(gaps));
    }

    synchronized void opened(long micros) {
        keep(opening, micros);
    }

    synchronized void started(long micros) {
        keep(starting, micros);
    }

    synchronized void walked(long micros, int lines) {
        if (lines > 0) {
            keep(gaps, micros / lines);
        }
    }

    @Override
    public synchronized String toString() {
        return now().toString();
    }

    private static void keep(Deque<Long> kept, long micros) {
        kept.addLast(micros);
        if (kept.size() > KEPT) {
            kept.removeFirst();
        }
    }

    private static long mean(Deque<Long> kept) {
        return kept.stream().mapToLong(Long::longValue).sum() / kept.size();
    }
}
