package dev.golive.runbook.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.runbook.crash.KillTrial.Aim;
import dev.golive.runbook.crash.KillTrial.Result;
import dev.golive.runbook.crash.OperatorResume.Landing;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: a golive walking a runbook of command steps is killed with SIGKILL at a
 * hundred moments drawn from a fixed seed, and each time the run is resumed. Whatever the
 * moment, no command runs twice unless the operator chose to re-run it, and the journal keeps
 * every entry whole.
 */
abstract class ResumeAfterKillContract {
    private static final int TRIALS = 100;
    // Two trials at a time: while one child JVM starts, the other's steps run.
    private static final int AT_ONCE = 2;

    @TempDir
    Path directory;

    /** A new, empty store: a PostgreSQL database's URL, or null for H2 in the trial's directory. */
    abstract String newStore();

    /** Removes a store {@link #newStore} made, once its trial is over. */
    void dropStore(String url) {}

    /** The seed of the first trial; trial n uses this plus n. */
    abstract long seed();

    @Test
    void resumeAfterKillNeverRunsAStepTwice() throws Exception {
        Pace pace = calibrate();
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE)) {
            List<Future<Result>> trials = new ArrayList<>();
            for (int n = 1; n <= TRIALS; n++) {
                int number = n;
                trials.add(pool.submit(() -> trial(number, t -> t.killed(pace))));
            }
            for (Future<Result> trial : trials) {
                try {
                    results.add(trial.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
        }
        assertThat(failures)
                .as("%d of %d trials failed (kills aimed by the pace %s)", failures.size(), TRIALS, pace)
                .isEmpty();
        assertCovered(results);
    }

    /** Uninterrupted walks, as many at once as the trials run, give the first guess of the pace. */
    private Pace calibrate() throws Exception {
        List<Future<Result>> walks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE)) {
            for (int n = 1; n <= AT_ONCE; n++) {
                int number = -n;
                walks.add(pool.submit(() -> trial(number, KillTrial::uninterrupted)));
            }
        }
        List<Pace.Timing> timings = new ArrayList<>();
        for (Future<Result> walk : walks) {
            timings.add(walk.get().timing());
        }
        return new Pace(
                timings.stream().mapToLong(Pace.Timing::openMicros).sum() / AT_ONCE,
                timings.stream().mapToLong(Pace.Timing::startMicros).sum() / AT_ONCE,
                timings.stream().mapToLong(Pace.Timing::gapMicros).sum() / AT_ONCE);
    }

    private Result trial(int number, TrialWork work) throws Exception {
        String url = newStore();
        try {
            Path trialDirectory = directory.resolve(String.format("trial%+04d", number));
            return work.run(new KillTrial(number, seed() + number, trialDirectory, url, plan()));
        } finally {
            if (url != null) {
                dropStore(url);
            }
        }
    }

    @FunctionalInterface
    private interface TrialWork {
        Result run(KillTrial trial) throws Exception;
    }

    // The kills must have hit the steps themselves, or the test proves little; both of the
    // operator's answers must have been given.
    private static void assertCovered(List<Result> results) {
        Map<Landing, Long> landings =
                results.stream().collect(Collectors.groupingBy(Result::landing, Collectors.counting()));
        Map<Aim, Map<Landing, Long>> byAim = results.stream()
                .collect(Collectors.groupingBy(
                        Result::aim, Collectors.groupingBy(Result::landing, Collectors.counting())));
        Map<String, Long> answers = results.stream()
                .flatMap(r -> r.choices().values().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long again = results.stream().filter(r -> r.resumes() > 1).count();
        System.out.printf(
                "crash trials: kills aimed and landed %s; in-doubt steps settled %s; resumed more than once %d%n",
                byAim, answers, again);
        assertThat(landings.getOrDefault(Landing.IN_A_STEP, 0L))
                .as("trials killed inside a step (landings: %s)", landings)
                .isGreaterThanOrEqualTo(TRIALS / 20);
        assertThat(answers).as("answers to steps in doubt").containsKeys("done", "rerun");
    }

    private static Path plan() {
        try {
            return Path.of(Objects.requireNonNull(ResumeAfterKillContract.class.getResource("/runbook-crash/plan.yaml"))
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
