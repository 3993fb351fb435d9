package dev.golive.record;

import java.time.Duration;

/**
 * The pauses of the person who recorded: the gap between the end of one request of the scenario
 * and the start of the next. Shorter gaps than half a second are the browser at work (rendering,
 * scripts), not a person reading, and are left out.
 */
final class ThinkTimes {
    static final Duration SHORTEST = Duration.ofMillis(500);

    private ThinkTimes() {}

    /** The pause between two steps, rounded, or null when there is none worth keeping. */
    static Duration between(Call before, Call after) {
        Duration gap = Duration.between(before.end(), after.start());
        return gap.compareTo(SHORTEST) < 0 ? null : rounded(gap);
    }

    /** To 100 ms below ten seconds, to whole seconds above: the recorded precision means nothing more. */
    static Duration rounded(Duration gap) {
        long ms = gap.toMillis();
        long unit = ms < 10_000 ? 100 : 1000;
        return Duration.ofMillis((ms + unit / 2) / unit * unit);
    }

    /** As the plan writes durations: {@code 700ms}, {@code 1.2s}, {@code 15s}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms / 1000 + "." + (ms % 1000) / 100 + "s";
    }
}
