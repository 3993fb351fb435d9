package dev.golive.plan;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A workload over a scenario mix, with targets and a time window.
 *
 * <p>Keys: {@code mix} (scenario to percentage, summing to 100%; or {@code scenario} for one),
 * either {@code arrivals} (open model: phases of arrivals per second) or {@code users} (closed
 * model: phases of concurrent users), {@code targets}, {@code transactions} (targets per
 * transaction), {@code window} (the hours it may run in, {@code "01:00-05:00"}), {@code capture},
 * {@code abort} (rules that stop the test early), {@code maxUsers} (open model: the most users
 * running at once before arrivals are dropped).
 *
 * <p>A phase is {@code {ramp: 0/s..300/s, over: 5m}} or {@code {hold: 300/s, for: 30m}} (for
 * users: {@code {ramp: 0..100, over: 1m}}, {@code {hold: 100, for: 10m}}).
 *
 * @param name the load test's name
 * @param mix scenario name to share in percent
 * @param model {@code open} or {@code closed}
 * @param phases the phases, in order
 * @param targets overall targets
 * @param transactionTargets targets per transaction
 * @param window when it may run, or null for any time
 * @param capture automatic JVM captures, or null
 * @param abort rules that stop the test early
 * @param maxUsers open model: the most virtual users running at once
 * @param location where the load test is defined
 */
public record LoadTest(
        String name,
        Map<String, Double> mix,
        String model,
        List<Phase> phases,
        Targets targets,
        Map<String, Targets> transactionTargets,
        Window window,
        Capture capture,
        List<AbortRule> abort,
        int maxUsers,
        Location location) {
    /** The most users an open test runs at once unless it says otherwise. */
    public static final int MAX_USERS = 20_000;

    public LoadTest {
        mix = Maps.copy(mix);
        abort = List.copyOf(abort);
        phases = List.copyOf(phases);
        transactionTargets = Maps.copy(transactionTargets);
        if (!model.equals("open") && !model.equals("closed")) {
            throw new IllegalArgumentException("model must be open or closed");
        }
    }

    /** The whole planned duration, all phases together. */
    public Duration duration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * One phase of a workload: a ramp from one level to another, or a hold at one level.
     *
     * @param from level at the start (arrivals per second, or users)
     * @param to level at the end
     * @param duration how long the phase lasts
     */
    public record Phase(double from, double to, Duration duration) {
        public Phase {
            if (from < 0 || to < 0 || duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("bad phase");
            }
        }
    }

    /**
     * Targets: response-time percentiles, error rate and throughput. Any may be null.
     *
     * <p>Keys: {@code p50}, {@code p90}, {@code p95}, {@code p99}, {@code max} (durations), {@code
     * errors} (a percentage), {@code tps} (transactions per second).
     */
    public record Targets(
            Duration p50,
            Duration p90,
            Duration p95,
            Duration p99,
            Duration max,
            Double errors,
            Double tps,
            Double achieved) {
        public static final List<String> KEYS = List.of("p50", "p90", "p95", "p99", "max", "errors", "tps", "achieved");
    }

    /**
     * Stops a test early when a figure over the last {@code over} is beyond a limit: {@code
     * {errors: 10%, for: 30s}} or {@code {p95: 3s, for: 1m}}.
     *
     * @param figure {@code errors}, {@code p50}, {@code p90}, {@code p95}, {@code p99} or {@code max}
     * @param limit a percentage for errors, microseconds for the others
     * @param text the limit as written
     * @param over how long the figure is taken over
     */
    public record AbortRule(String figure, double limit, String text, Duration over) {
        public static final List<String> FIGURES = List.of("errors", "p50", "p90", "p95", "p99", "max");

        public AbortRule {
            if (!FIGURES.contains(figure) || over == null || over.toSeconds() < 1) {
                throw new IllegalArgumentException("bad abort rule");
            }
        }
    }

    /**
     * The hours a load test may run in, possibly across midnight: {@code "01:00-05:00"}.
     *
     * @param from start of the window
     * @param to end of the window
     */
    public record Window(LocalTime from, LocalTime to) {
        public Window {
            if (from == null || to == null || from.equals(to)) {
                throw new IllegalArgumentException("a window needs two different times");
            }
        }

        public boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    /**
     * Automatic captures: {@code on} ({@code breach} or {@code periodic}), {@code services},
     * {@code dumps} (default 3), {@code every} (default 5s), {@code histogram} (default true),
     * {@code after} (how long a breach lasts before capturing, default 10s).
     */
    public record Capture(
            String on, List<String> services, int dumps, Duration every, boolean histogram, Duration after) {
        public static final List<String> TRIGGERS = List.of("breach", "periodic");

        public Capture {
            services = List.copyOf(services);
        }
    }
}
