package dev.golive.drill;

import dev.golive.load.Interval;
import dev.golive.load.LoadListener;
import dev.golive.load.Sample;
import dev.golive.scenario.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The drill's load, second by second, and the phase it is in; fed by the load's monitor. */
final class Timeline implements LoadListener {
    /**
     * One whole second of load.
     *
     * @param second seconds since the load began, the first is 0
     * @param arrivals requests started in it
     * @param overall what came back in it
     */
    record Second(int second, long arrivals, Interval overall) {}

    private final List<Second> seconds = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    private volatile long origin = System.nanoTime();
    private final Consumer<String> status;
    private volatile String phase = "baseline";

    Timeline(Consumer<String> status) {
        this.status = status;
    }

    @Override
    public void second(Sample sample, String line) {
        if (line == null) {
            return; // the part second at the end is not a whole second to judge
        }
        Interval o = sample.overall();
        synchronized (this) {
            if (seconds.isEmpty()) {
                // The load's monitor began a second before its first tick: marks are on its clock.
                origin = System.nanoTime() - 1_000_000_000L * (sample.second() + 1);
                started.countDown();
            }
            seconds.add(new Second(sample.second(), sample.arrivals(), o));
        }
        long p95 = o.passed() == 0 ? 0 : o.times().getValueAtPercentile(95) / 1000;
        status.accept(String.format(
                Locale.ROOT,
                "%4ds  %-8s  ok %d  errors %d%s  p95 %d ms",
                sample.second() + 1,
                phase,
                o.passed(),
                o.failed(),
                Errors.noted(o.errors()),
                p95));
    }

    void phase(String name) {
        phase = name;
    }

    /** Waits for the load's first second; false when it has not come within {@code seconds}. */
    boolean awaitStart(long seconds) throws InterruptedException {
        return started.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Now, in seconds since the load began, on the same clock as {@link Second#second()}. */
    double now() {
        return (System.nanoTime() - origin) / 1e9;
    }

    synchronized List<Second> seconds() {
        return List.copyOf(seconds);
    }
}
