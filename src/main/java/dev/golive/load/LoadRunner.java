package dev.golive.load;

import dev.golive.plan.Environment;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.scenario.Pause;
import dev.golive.scenario.ScenarioRunner;
import dev.golive.scenario.Timeouts;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a load test of a plan, open or closed, against one environment: a monitor takes every
 * second's figures, watches the generator and the abort rules, and hands the second to a
 * listener; at the end the targets are checked.
 */
public final class LoadRunner {
    private final Plan plan;
    private final Environment environment;
    private final Timeouts timeouts;
    private final Control control = new Control();
    private Part part = Part.WHOLE;

    public LoadRunner(Plan plan, Environment environment, Timeouts timeouts) {
        this.plan = plan;
        this.environment = environment;
        this.timeouts = timeouts;
    }

    /** Runs only this part of the load, as one of several generators. */
    public LoadRunner part(Part part) {
        this.part = part;
        return this;
    }

    /** Stops a running test early (Ctrl-C, an operator); its result says why. */
    public void stop(String why) {
        control.stop(why);
    }

    /** Runs the test to the end of its phases, or until it is stopped. */
    public LoadResult run(LoadTest test, LoadListener listener) {
        if (test.mix().isEmpty()) {
            throw new IllegalArgumentException("load test '" + test.name() + "' has no scenarios in its mix");
        }
        Mix mix = new Mix(test.mix(), plan.scenarios());
        int window = test.abort().stream()
                .mapToInt(r -> (int) r.over().toSeconds())
                .max()
                .orElse(0);
        Metrics metrics = new Metrics(window);
        Generator generator = new Generator();
        Health.Tally tally = new Health.Tally(part.users(test.maxUsers()));
        Duration elapsed;
        try (ScenarioRunner runner = new ScenarioRunner(
                        plan, environment, timeouts, Pause.sleeping(), new SecureRandom())
                .withoutTranscripts()
                .part(part.index(), part.of())) {
            Workload workload = test.model().equals("open")
                    ? new OpenWorkload(test, runner, mix, metrics, generator, part)
                    : new ClosedWorkload(test, runner, mix, metrics, generator, part);
            Monitor monitor = new Monitor(test, workload, metrics, generator, tally, listener);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "golive-load-monitor");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> monitor.tick(false), 1, 1, TimeUnit.SECONDS);
            try {
                elapsed = workload.run(control);
            } finally {
                ticker.shutdown();
                awaitQuietly(ticker);
            }
            monitor.tick(true);
        }
        Stats overall = metrics.overall(elapsed);
        Map<String, Stats> transactions = metrics.transactions(elapsed);
        double intended =
                test.model().equals("open") ? Phases.expected(part.rates(test.phases()), elapsed.toNanos()) : 0;
        return new LoadResult(
                test.name(),
                elapsed,
                overall,
                transactions,
                metrics.requests(elapsed),
                TargetCheck.verdicts(test, overall, transactions, intended, generator.completed()),
                metrics.total().errors(),
                tally.health(),
                control.reason(),
                generator.completed(),
                Map.of());
    }

    private static void awaitQuietly(ScheduledExecutorService ticker) {
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seconds between two automatic captures. */
    static final int CAPTURE_GAP = 60;

    /** The first overall target the figures of the last {@code over} seconds miss, said plainly; or null. */
    static String breach(LoadTest.Targets t, Interval window, int over) {
        if (window.passed() + window.failed() == 0) {
            return null;
        }
        String[] names = {"p50", "p90", "p95", "p99", "max"};
        Duration[] targets = {t.p50(), t.p90(), t.p95(), t.p99(), t.max()};
        for (int i = 0; i < names.length; i++) {
            if (targets[i] == null || window.passed() == 0) {
                continue;
            }
            long micros = names[i].equals("max")
                    ? window.times().getMaxValue()
                    : window.times().getValueAtPercentile(Double.parseDouble(names[i].substring(1)));
            if (micros > targets[i].toNanos() / 1000) {
                return String.format(
                        Locale.ROOT,
                        "overall %s was %.0f ms over the last %d s, the target is %d ms",
                        names[i],
                        micros / 1000.0,
                        over,
                        targets[i].toMillis());
            }
        }
        double errors = 100.0 * window.failed() / (window.passed() + window.failed());
        if (t.errors() != null && errors > t.errors()) {
            return String.format(
                    Locale.ROOT, "errors were %.1f%% over the last %d s, the target is %s%%", errors, over, t.errors());
        }
        return null;
    }

    /** Takes each second's figures; runs on the monitor's thread. */
    private final class Monitor {
        private final LoadTest test;
        private final Workload workload;
        private final Metrics metrics;
        private final Generator generator;
        private final Health.Tally tally;
        private final LoadListener listener;
        private final AtomicInteger second = new AtomicInteger();
        private final long start = System.nanoTime();

        Monitor(
                LoadTest test,
                Workload workload,
                Metrics metrics,
                Generator generator,
                Health.Tally tally,
                LoadListener listener) {
            this.test = test;
            this.workload = workload;
            this.metrics = metrics;
            this.generator = generator;
            this.tally = tally;
            this.listener = listener;
        }

        /** @param last whether this is the part second at the end, which has no status line */
        synchronized void tick(boolean last) {
            try {
                int s = second.getAndIncrement();
                long elapsed = System.nanoTime() - start;
                Sample sample = new Sample(
                        s,
                        workload.wanted(Math.max(0, elapsed - 500_000_000L)),
                        generator.takeArrivals(),
                        generator.takeLate(),
                        generator.takeDropped(),
                        workload.active(),
                        generator.cpu(),
                        metrics.tick());
                tally.add(sample);
                abortRules(s + 1);
                captureRule(s + 1);
                listener.second(sample, last ? null : status(sample, elapsed));
            } catch (RuntimeException e) {
                control.stop("the load monitor failed: " + e.getMessage());
            }
        }

        private int lastCapture = -1;

        /** Asks for a capture when a target has been breached for the capture's {@code after}, or one is due. */
        private void captureRule(int seconds) {
            LoadTest.Capture c = test.capture();
            if (c == null || (lastCapture >= 0 && seconds - lastCapture < CAPTURE_GAP)) {
                return;
            }
            int over = (int) Math.max(1, c.after().toSeconds());
            String why = null;
            if (c.on().equals("periodic")) {
                why = seconds >= over ? "periodic capture" : null;
            } else if (seconds >= over && test.targets() != null) {
                why = breach(test.targets(), metrics.recent(over), over);
            }
            if (why != null) {
                lastCapture = seconds;
                listener.capture(why);
            }
        }

        private void abortRules(int seconds) {
            for (LoadTest.AbortRule rule : test.abort()) {
                int over = (int) rule.over().toSeconds();
                if (seconds < over) {
                    continue;
                }
                Interval window = metrics.recent(over);
                long all = window.passed() + window.failed();
                if (all == 0) {
                    continue;
                }
                double value = rule.figure().equals("errors")
                        ? 100.0 * window.failed() / all
                        : rule.figure().equals("max")
                                ? window.times().getMaxValue()
                                : window.times()
                                        .getValueAtPercentile(
                                                Double.parseDouble(rule.figure().substring(1)));
                if (value > rule.limit()) {
                    String shown = rule.figure().equals("errors")
                            ? String.format(Locale.ROOT, "%.1f%%", value)
                            : String.format(Locale.ROOT, "%.0f ms", value / 1000);
                    control.stop("abort rule: " + rule.figure() + " over the last " + over + " s was " + shown
                            + ", the limit is " + rule.text());
                }
            }
        }

        private String status(Sample sample, long elapsed) {
            Interval last = sample.overall();
            Interval total = metrics.total();
            long all = total.passed() + total.failed();
            return String.format(
                    Locale.ROOT,
                    "%5ds/%ds  %s %.1f%s  tps %.1f  p95 %s  errors %.2f%% (%d)  users %d%s",
                    Duration.ofNanos(elapsed).toSeconds(),
                    test.duration().toSeconds(),
                    test.model().equals("open") ? "rate" : "wanted",
                    sample.wanted(),
                    workload.unit(),
                    (double) last.passed(),
                    TargetCheck.millis(
                            Duration.ofNanos(metrics.recent(5).times().getValueAtPercentile(95) * 1000)),
                    all == 0 ? 0.0 : 100.0 * total.failed() / all,
                    total.failed(),
                    sample.active(),
                    sample.late() + sample.dropped() > 0
                            ? "  late " + sample.late() + " dropped " + sample.dropped()
                            : "");
        }
    }
}
