package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkTest {
    @TempDir
    Path dir;

    @Test
    void independentAutomaticStepsRunInParallel() throws Exception {
        Harness h = Harness.of(dir, "parallel.yaml");
        String run = h.start("warm-up", "staging", "alice");
        Answers operator = new Answers("l");

        RunView after = new Walk(h.runbooks, run, "alice", operator, null, false).run();

        // each command succeeds only if it sees the other's file while it waits, twenty seconds at most
        assertThat(after.step("left").orElseThrow().status()).isEqualTo(StepStatus.DONE);
        assertThat(after.step("right").orElseThrow().status()).isEqualTo(StepStatus.DONE);
        assertThat(after.step("open").orElseThrow().status()).isEqualTo(StepStatus.READY);
        assertThat(operator.questions()).containsExactly("Done? [y]es, [f]ailed, [l]ater: ");
        assertThat(operator.printed())
                .contains("Running command step left", "Running command step right")
                .contains("Manual step open: Open the shop")
                .contains("Nothing more can be done here now. open waits for its confirmation.");
    }

    @Test
    void walkAsksForTheEnvironmentBeforeAChangingStepAndRunsItWhenTypedBack() throws Exception {
        Harness h = Harness.of(dir, "protected.yaml");
        String run = h.start("change", "live", "alice");
        Answers operator = new Answers("live", "y");

        RunView after = new Walk(h.runbooks, run, "alice", operator, null, false).run();

        assertThat(operator.questions())
                .containsExactly(
                        "Step touch changes live: touch " + h.marker + "\nType the environment's name to go on: ",
                        "Done? [y]es, [f]ailed, [l]ater: ");
        assertThat(h.marker).exists();
        assertThat(after.outcome()).isEqualTo("done");
        assertThat(operator.printed()).contains("Run " + run + " has ended: done.");
    }

    @Test
    void walkRunsNothingWhenTheWrongNameIsTyped() throws Exception {
        Harness h = Harness.of(dir, "protected.yaml");
        String run = h.start("change", "live", "alice");
        Answers operator = new Answers("staging");

        RunView after = new Walk(h.runbooks, run, "alice", operator, null, false).run();

        assertThat(operator.printed()).contains("Not confirmed: step touch was not run.");
        assertThat(h.marker).doesNotExist();
        assertThat(after.step("touch").orElseThrow().status()).isEqualTo(StepStatus.READY);
        assertThat(after.step("touch").orElseThrow().attempts()).isZero();
    }

    @Test
    void walkStopsAtAStepInDoubt() throws Exception {
        Harness h = Harness.of(dir, "in-doubt.yaml");
        String run = h.start("release", "staging", "alice");
        h.intent(run, "migrate", Harness.deadRunner());
        Answers operator = new Answers();

        RunView after = new Walk(h.runbooks, run, "alice", operator, null, false).run();

        assertThat(after.step("migrate").orElseThrow().status()).isEqualTo(StepStatus.IN_DOUBT);
        assertThat(operator.printed())
                .isEqualTo("Step migrate is in doubt: the golive that ran it stopped before it finished. "
                        + "Verify what happened, then: golive runbook resume\n");
        assertThat(operator.questions()).isEmpty();
    }

    @Test
    void walkStopsAtAFailedStepAndSaysWhatToDo() throws Exception {
        Harness h = Harness.of(dir, "order.yaml");
        String run = h.start("release", "staging", "alice");
        Answers operator = new Answers("f", "the freeze announcement bounced");

        RunView after = new Walk(h.runbooks, run, "alice", operator, null, false).run();

        assertThat(after.step("freeze").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
        assertThat(operator.printed())
                .contains("Step freeze failed: the freeze announcement bounced\nDecide: golive runbook resolve freeze");
        assertThat(operator.questions()).hasSize(2);
    }

    @Test
    void refusingTheTypedNameLeavesThatStepButGoesOnWithTheOthers(@TempDir Path other) throws Exception {
        Harness h = Harness.of(other, "protected.yaml");
        String run = h.start("change", "live", "alice");
        Answers operator = new Answers("nope", "l");

        Walk walk = new Walk(h.runbooks, run, "alice", operator, null, false);
        walk.run();

        assertThat(walk.refused()).containsExactly("touch");
        assertThat(h.marker).doesNotExist();
        assertThat(h.status(run, "pause")).isEqualTo(StepStatus.DONE);
        assertThat(operator.questions()).anyMatch(q -> q.startsWith("Done?"));
        assertThat(operator.printed()).contains("touch waits for the environment's name to be typed back");
    }
}
