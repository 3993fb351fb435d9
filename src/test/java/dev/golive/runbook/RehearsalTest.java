package dev.golive.runbook;

import static dev.golive.runbook.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rehearsals, dry runs, and planning a run from a rehearsal's actual durations. */
class RehearsalTest {
    private static final Runbooks.StartOptions REHEARSAL_DRY_RUN = new Runbooks.StartOptions(true, true, null);

    @TempDir
    Path dir;

    @Test
    void dryRunRecordsChangingStepsDoneWithoutRunningThem() {
        Harness h = Harness.of(dir, "dry-run.yaml");
        String run = h.runbooks
                .start("release", "production", "alice", REHEARSAL_DRY_RUN)
                .runId();

        h.execute(run, "stop", "alice", null);
        h.execute(run, "deploy", "alice", null);

        StepView stop = h.step(run, "stop");
        assertThat(stop.status()).isEqualTo(StepStatus.DONE);
        assertThat(stop.evidence()).isEqualTo("dry run: not done: command touch " + h.marker);
        assertThat(h.step(run, "deploy").evidence()).isEqualTo("dry run: not done: deploy release=1.4.2 to=production");
        assertThat(h.marker).doesNotExist();
        assertThat(h.status(run, "look")).isEqualTo(StepStatus.READY);
    }

    @Test
    void rehearsalDryRunIsMarkedAsSuch() {
        Harness h = Harness.of(dir, "dry-run.yaml");

        RunView view = h.runbooks.start("release", "production", "alice", REHEARSAL_DRY_RUN);

        assertThat(view.rehearsal()).isTrue();
        assertThat(view.dryRun()).isTrue();
        assertThat(view.protectedEnvironment()).isTrue();
    }

    @Test
    void stepsGoliveCannotRunYetNeedADryRun() {
        Harness h = Harness.of(dir, "dry-run.yaml");

        assertThatThrownBy(() -> h.runbooks.start("release", "production", "alice", Runbooks.StartOptions.real()))
                .isInstanceOf(RunbookException.class)
                .hasMessage("this golive cannot run these steps yet: deploy (deploy); start with --dry-run to walk"
                        + " through them, printing what they would do");
        assertThatThrownBy(() -> h.runbooks.runId(null, null))
                .as("a refused start leaves no run behind")
                .hasMessage("no runbook run yet; start one with: golive runbook start NAME --env ENV");
    }

    @Test
    void realRunOfAChangingStepDoesRunItsCommand() throws Exception {
        Harness h = Harness.of(dir, "in-doubt.yaml");
        String run = h.start("release", "staging", "alice");

        h.execute(run, "migrate", "alice", null);

        assertThat(h.status(run, "migrate")).isEqualTo(StepStatus.DONE);
        assertThat(h.marker).exists();
        assertThat(Files.size(h.marker)).isZero();
    }

    @Test
    void plannedFromTakesTheActualDurationsOfAFinishedRun() {
        Harness h = Harness.of(dir, "rehearsal.yaml");
        String rehearsal = h.runbooks
                .start("release", "staging", "alice", new Runbooks.StartOptions(true, false, null))
                .runId();
        h.advance(Duration.ofMinutes(7));
        h.runbooks.confirm(rehearsal, "freeze", "alice", null);
        h.advance(Duration.ofMinutes(25));
        h.runbooks.confirm(rehearsal, "deploy", "alice", null);
        h.runbooks.skip(rehearsal, "smoke", "alice", "no testers tonight", "bob");
        assertThat(h.view(rehearsal).outcome()).isEqualTo("done");

        String real = h.runbooks
                .start("release", "staging", "alice", new Runbooks.StartOptions(false, false, rehearsal))
                .runId();

        // started at 20:32: freeze took 7 minutes, deploy 25; smoke was skipped, so its plan stays 10 minutes
        assertThat(plannedDuration(h, real, "freeze")).isEqualTo(Duration.ofMinutes(7));
        assertThat(plannedDuration(h, real, "deploy")).isEqualTo(Duration.ofMinutes(25));
        assertThat(plannedDuration(h, real, "smoke")).isEqualTo(Duration.ofMinutes(10));
        assertThat(h.step(real, "smoke").plannedStart()).isEqualTo(at(32 + 7 + 25));
        assertThat(h.view(real).plannedEnd()).isEqualTo(at(32 + 7 + 25 + 10));
        assertThat(h.view(real).rehearsal()).isFalse();
    }

    @Test
    void plannedFromAnUnknownRunIsRefused() {
        Harness h = Harness.of(dir, "rehearsal.yaml");

        assertThatThrownBy(() -> h.runbooks.start(
                        "release", "staging", "alice", new Runbooks.StartOptions(false, false, "no-such-run")))
                .isInstanceOf(RunbookException.class)
                .hasMessage("no run with id 'no-such-run'");
    }

    private static Duration plannedDuration(Harness h, String run, String step) {
        StepView s = h.step(run, step);
        return Duration.between(s.plannedStart(), s.plannedEnd());
    }
}
