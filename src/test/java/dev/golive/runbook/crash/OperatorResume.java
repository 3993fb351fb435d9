package dev.golive.runbook.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.runbook.RunView;
import dev.golive.runbook.RunbookException;
import dev.golive.runbook.Runbooks;
import dev.golive.runbook.StepStatus;
import dev.golive.runbook.StepView;
import dev.golive.runbook.Walk;
import dev.golive.store.Run;
import dev.golive.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What an operator does after golive was killed, as {@code golive runbook resume} lets them: find
 * the run (or start it, if it never began), settle each step in doubt as done or to be re-run
 * (drawn from the trial's seed), and walk on. A resume that leaves the run unfinished is tried
 * again, as the operator would: on PostgreSQL the killed golive's last commit may still be on its
 * way to the server when the operator looks, so a step may come into doubt only after the first
 * look; the walk then stops at it, or the engine refuses to run it.
 */
final class OperatorResume {
    static final String ACTOR = "day-shift";
    private static final int RESUMES = 3;

    private final Runbooks runbooks;
    private final Store store;
    private final Random random;
    private final StringBuilder story;
    private final Map<String, String> choices = new LinkedHashMap<>();

    OperatorResume(Runbooks runbooks, Store store, Random random, StringBuilder story) {
        this.runbooks = runbooks;
        this.store = store;
        this.random = random;
        this.story = story;
    }

    /** Where the kill landed, as the run looked when the operator came. */
    enum Landing {
        BEFORE_THE_RUN,
        BETWEEN_STEPS,
        IN_A_STEP,
        AFTER_THE_END
    }

    /**
     * The run as the last resume left it, the operator's answer for each step that was in doubt,
     * and how many resumes it took.
     */
    record Outcome(String runId, Landing landing, Map<String, String> choices, RunView after, int resumes) {}

    /**
     * Resumes until the run has ended: at most {@value #RESUMES} times.
     *
     * @param printed the run the killed golive said it started, or null
     */
    Outcome resume(String printed) throws InterruptedException {
        List<Run> runs = runs(printed);
        String runId = runs.isEmpty() ? startAgain() : runs.get(0).id();
        Landing landing = null;
        for (int resume = 1; ; resume++) {
            RunView before = runbooks.view(runId);
            landing = landing != null ? landing : landing(runs.isEmpty(), before);
            settle(runId, before);
            RunView after = walk(runId, resume);
            if (after != null && !after.active()) {
                return new Outcome(
                        runId, landing, Collections.unmodifiableMap(new LinkedHashMap<>(choices)), after, resume);
            }
            assertThat(resume).as("resumes that left the run unfinished").isLessThan(RESUMES);
        }
    }

    private List<Run> runs(String printed) {
        List<Run> runs = store.runs().recent(10);
        assertThat(runs).as("runs in the store").hasSizeLessThanOrEqualTo(1);
        if (printed != null) {
            assertThat(runs).as("the run the walk printed").extracting(Run::id).containsExactly(printed);
        }
        return runs;
    }

    // Refused when the killed golive's start was still on its way and has now arrived.
    private String startAgain() {
        story.append("; no run was left, so the operator started it again");
        try {
            return runbooks.start(
                            WalkUntilKilled.RUNBOOK, WalkUntilKilled.ENVIRONMENT, ACTOR, Runbooks.StartOptions.real())
                    .runId();
        } catch (RunbookException e) {
            story.append("; that was refused: ").append(e.getMessage());
            List<Run> late = runs(null);
            assertThat(late).as("runs in the store after the start was refused").hasSize(1);
            return late.get(0).id();
        }
    }

    private static Landing landing(boolean noRun, RunView before) {
        if (noRun) {
            return Landing.BEFORE_THE_RUN;
        }
        if (!before.active()) {
            return Landing.AFTER_THE_END;
        }
        return before.with(StepStatus.IN_DOUBT).isEmpty() ? Landing.BETWEEN_STEPS : Landing.IN_A_STEP;
    }

    private void settle(String runId, RunView before) {
        assertThat(before.with(StepStatus.RUNNING))
                .as("steps still seen running after their golive was killed")
                .isEmpty();
        for (StepView s : before.with(StepStatus.IN_DOUBT)) {
            String as = random.nextBoolean() ? "rerun" : "done";
            assertThat(choices.put(s.id(), as))
                    .as("step %s in doubt again", s.id())
                    .isNull();
            runbooks.resolve(runId, s.id(), ACTOR, as, "crash trial: the operator chose " + as);
        }
        story.append("; in doubt and settled: ").append(choices);
    }

    /** The run as the walk left it, or null when the engine refused to go on. */
    private RunView walk(String runId, int resume) throws InterruptedException {
        StringWriter walked = new StringWriter();
        try {
            return new Walk(runbooks, runId, ACTOR, WalkUntilKilled.silent(new PrintWriter(walked)), null, false).run();
        } catch (RunbookException e) {
            story.append("; resume ").append(resume).append(" stopped: ").append(e.getMessage());
            return null;
        } finally {
            story.append("; resume ").append(resume).append(" printed: ");
            story.append(walked.toString().strip().replace("\n", " | "));
        }
    }
}
