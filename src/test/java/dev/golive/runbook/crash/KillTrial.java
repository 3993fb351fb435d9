package dev.golive.runbook.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.runbook.Runbooks;
import dev.golive.runbook.crash.OperatorResume.Landing;
import dev.golive.store.Store;
import dev.golive.target.SshSettings;
import dev.golive.testsupport.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * One trial: a child JVM walks the runbook in a store of its own and is killed with SIGKILL at a
 * moment drawn from the trial's seed; then the operator resumes the run to its end, and the
 * commands that really ran are checked against the journal.
 */
final class KillTrial {
    private static final int SIGKILLED = 128 + 9;
    // "Running command step ID" and "Step ID: done" for each of the six steps.
    private static final int WALK_LINES = 12;
    private static final Predicate<String> WALK_LINE = l -> l.startsWith("Running ") || l.startsWith("Step ");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final int number;
    private final long seed;
    private final Path directory;
    private final String storeUrl;
    private final Path planFile;
    private final Path marker;
    private final StringBuilder story = new StringBuilder();

    /** @param storeUrl a new, empty PostgreSQL database, or null for H2 in {@code directory} */
    KillTrial(int number, long seed, Path directory, String storeUrl, Path planFile) {
        this.number = number;
        this.seed = seed;
        this.directory = directory;
        this.storeUrl = storeUrl;
        this.planFile = planFile;
        this.marker = directory.resolve("marker");
    }

    /**
     * Where in the child's life a kill is aimed: some time after it began, after it opened its
     * store, or after one of the lines the walk prints before and after each step.
     */
    enum Aim {
        STARTUP,
        START,
        WALK
    }

    /**
     * A kill: after the child printed so many walk lines (for {@link Aim#WALK}), and after a
     * fraction of the time its next phase takes lately.
     */
    private record Moment(Aim aim, int lines, double fraction) {
        static Moment draw(Random random) {
            int roll = random.nextInt(100);
            Aim aim = roll < 10 ? Aim.STARTUP : roll < 20 ? Aim.START : Aim.WALK;
            int lines = aim == Aim.WALK ? random.nextInt(WALK_LINES + 1) : 0;
            return new Moment(aim, lines, random.nextDouble());
        }

        // Aimed at the start, a kill may land before, in or just after the run's first
        // transaction; aimed at a walk line, anywhere up to and a little past the next one.
        long delayMicros(Pace.Timing pace) {
            long span = switch (aim) {
                case STARTUP -> pace.openMicros();
                case START -> 2 * pace.startMicros();
                case WALK -> 3 * pace.gapMicros() / 2;
            };
            return (long) (fraction * span);
        }

        @Override
        public String toString() {
            return String.format("killed %.2f of the next phase's time after ", fraction)
                    + switch (aim) {
                        case STARTUP -> "the walk's JVM began";
                        case START -> "the walk opened store and plan";
                        case WALK ->
                            lines == 0 ? "the walk started the run" : "the walk printed " + lines + " step lines";
                    };
        }
    }

    /** What a trial did, for the summary; the timing only when the child was not killed. */
    record Result(Aim aim, Landing landing, Map<String, String> choices, int resumes, Pace.Timing timing) {}

    /** Runs the child to its end without killing it; its timing is the first guess of the pace. */
    Result uninterrupted() throws Exception {
        return run(null);
    }

    Result killed(Pace pace) throws Exception {
        return run(pace);
    }

    private Result run(Pace pace) throws Exception {
        Random random = new Random(seed);
        Moment moment = pace == null ? null : Moment.draw(random);
        story.append("trial ").append(number).append(" (seed ").append(seed).append("): ");
        story.append(pace == null ? "not killed" : moment);
        try {
            Files.createDirectories(directory);
            // The store exists before the night, as after `golive plan check`: the child only opens it.
            Store store = Store.open(storeUrl, directory, UnaryOperator.identity());
            Child child = pace == null ? walkToTheEnd() : kill(moment, pace);
            awaitOrphans();
            Plan plan = new PlanLoader(Map.of("MARKER", marker.toString()), null).load(planFile);
            Runbooks runbooks =
                    new Runbooks(plan, store, Clock.systemDefaultZone(), SshSettings.forPlan(plan.directory()));
            OperatorResume.Outcome resumed =
                    new OperatorResume(runbooks, store, random, story).resume(printedRun(child));
            TrialCheck.check(store, marker, resumed, child.lines(), story);
            return new Result(
                    moment == null ? null : moment.aim(),
                    resumed.landing(),
                    resumed.choices(),
                    resumed.resumes(),
                    child.timing());
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(story + "\n" + e.getMessage(), e);
        }
    }

    /** What the child printed, and how long its phases took when it was not killed. */
    private record Child(List<String> lines, Pace.Timing timing) {}

    private Child walkToTheEnd() throws InterruptedException {
        try (ChildJvm child = start()) {
            long begun = System.nanoTime();
            long opened = awaitLines(child, "opened"::equals, 1, "opened");
            long started = awaitLines(child, TrialCheck.STARTED.asMatchPredicate(), 1, "started RUN");
            int exit = child.waitFor(PATIENCE.toSeconds());
            long ended = System.nanoTime();
            assertThat(exit)
                    .as("exit code of the walk; its errors: %s", child.errors())
                    .isZero();
            long gap = (ended - started) / 1000 / (WALK_LINES + 1);
            Pace.Timing timing = new Pace.Timing((opened - begun) / 1000, (started - opened) / 1000, gap);
            return new Child(child.lines(), timing);
        }
    }

    private Child kill(Moment moment, Pace pace) throws InterruptedException {
        try (ChildJvm child = start()) {
            long begun = System.nanoTime();
            Pace.Timing now = pace.now();
            if (moment.aim() != Aim.STARTUP) {
                long opened = awaitLines(child, "opened"::equals, 1, "opened");
                pace.opened((opened - begun) / 1000);
                if (moment.aim() == Aim.WALK) {
                    long started = awaitLines(child, TrialCheck.STARTED.asMatchPredicate(), 1, "started RUN");
                    pace.started((started - opened) / 1000);
                    long walked = awaitLines(child, WALK_LINE, moment.lines(), "step lines");
                    pace.walked((walked - started) / 1000, moment.lines());
                }
            }
            long delayMicros = moment.delayMicros(now);
            story.append(" (").append(delayMicros).append(" µs)");
            Thread.sleep(Duration.ofNanos(delayMicros * 1000));
            child.kill();
            int exit = child.waitFor(PATIENCE.toSeconds());
            story.append("; exit code ")
                    .append(exit)
                    .append("; the walk printed ")
                    .append(child.lines());
            assertThat(exit)
                    .as("exit code of the walk, killed or at its end; its errors: %s", child.errors())
                    .isIn(0, SIGKILLED);
            return new Child(child.lines(), null);
        }
    }

    private ChildJvm start() {
        String url = storeUrl == null ? "-" : storeUrl;
        return ChildJvm.start(WalkUntilKilled.class, url, directory.toString(), planFile.toString(), marker.toString());
    }

    private static String printedRun(Child child) {
        return child.lines().stream()
                .map(TrialCheck.STARTED::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .findFirst()
                .orElse(null);
    }

    /** Waits until the child has printed {@code count} lines that match; returns when it saw them. */
    private static long awaitLines(ChildJvm child, Predicate<String> line, int count, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (child.lines().stream().filter(line).count() < count) {
            if (!child.isAlive()) {
                int exit = child.waitFor(PATIENCE.toSeconds());
                assertThat(child.lines().stream().filter(line).count())
                        .as(
                                "'%s' printed by the walk, which ended (exit code %d); its errors: %s",
                                what, exit, child.errors())
                        .isGreaterThanOrEqualTo(count);
            }
            assertThat(System.nanoTime() - deadline)
                    .as("the walk still has not printed %d of '%s' after %s", count, what, PATIENCE)
                    .isNegative();
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    /**
     * A killed golive leaves the command it was running behind, and it goes on. Like an operator
     * who looks at the host before deciding, the trial waits for those commands to end: they are
     * the only processes whose command line names this trial's marker file.
     */
    private void awaitOrphans() throws InterruptedException {
        String trace = marker.toString();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().orElse("").contains(trace))) {
            assertThat(System.nanoTime() - deadline)
                    .as("commands of the killed walk still run after %s", PATIENCE)
                    .isNegative();
            Thread.sleep(5);
        }
    }
}
