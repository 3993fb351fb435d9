package dev.golive.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per name: after {@link #MOST} in a row, the name may not try again for a
 * minute, which makes guessing slow without locking the person out for long.
 */
final class Attempts {
    static final int MOST = 5;
    static final Duration PAUSE = Duration.ofMinutes(1);

    private record Count(int failures, Instant last) {}

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    Attempts(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String name) {
        Count c = counts.get(name);
        if (c == null || c.failures() < MOST) {
            return false;
        }
        if (c.last().plus(PAUSE).isBefore(clock.instant())) {
            counts.remove(name);
            return false;
        }
        return true;
    }

    void failed(String name) {
        Instant now = clock.instant();
        counts.merge(name, new Count(1, now), (a, b) -> new Count(a.failures() + 1, now));
    }

    void succeeded(String name) {
        counts.remove(name);
    }
}
