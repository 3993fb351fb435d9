package dev.golive.runbook;

import static dev.golive.runbook.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planned times, lateness and the critical path, against a clock that stands still. */
class ScheduleTest {
    @TempDir
    Path dir;

    private Harness h;
    private String run;

    @BeforeEach
    void startAtEightPm() {
        h = Harness.of(dir, "schedule.yaml");
        run = h.start("night", "staging", "alice");
    }

    @Test
    void plannedStartComesFromAtTimesOffsetsAndTheDependenciesPlannedEnds() {
        assertPlanned("freeze", at(60), at(70));
        assertPlanned("backup", at(30), at(50));
        assertPlanned("deploy", at(70), at(100));
        assertPlanned("notes", at(50), at(55));
        assertPlanned("smoke", at(100), at(115));
        assertThat(h.view(run).plannedEnd()).isEqualTo(at(115));
    }

    @Test
    void onTimeRunIsNotLateAndEndsAsPlanned() {
        RunView view = h.view(run);

        assertThat(view.steps()).allSatisfy(s -> assertThat(s.late()).isZero());
        assertThat(view.projectedEnd()).isEqualTo(at(115));
    }

    @Test
    void criticalPathIsTheChainThatEndsLast() {
        RunView view = h.view(run);

        assertThat(view.criticalPath()).containsExactly("freeze", "deploy", "smoke");
        assertThat(view.steps())
                .filteredOn(StepView::critical)
                .extracting(StepView::id)
                .containsExactly("freeze", "deploy", "smoke");
    }

    @Test
    void unstartedStepPastItsPlannedStartIsLateByNowMinusPlanned() {
        h.advance(Duration.ofMinutes(45));

        assertThat(h.step(run, "backup").late()).isEqualTo(Duration.ofMinutes(15));
        assertThat(h.step(run, "freeze").late()).isZero();
        assertThat(h.step(run, "deploy").late()).isZero();
    }

    @Test
    void waitingStepPastItsPlannedStartIsLateToo() {
        h.advance(Duration.ofMinutes(90));

        assertThat(h.step(run, "deploy").status()).isEqualTo(StepStatus.WAITING);
        assertThat(h.step(run, "deploy").late()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void stepStartedLateShowsItsLatenessForGood() {
        h.advance(Duration.ofMinutes(42));
        h.execute(run, "backup", "alice", null);
        h.advance(Duration.ofMinutes(30));

        StepView backup = h.step(run, "backup");
        assertThat(backup.status()).isEqualTo(StepStatus.DONE);
        assertThat(backup.actualStart()).isEqualTo(at(42));
        assertThat(backup.actualEnd()).isEqualTo(at(42));
        assertThat(backup.late()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void stepStartedEarlyIsNotLate() {
        h.advance(Duration.ofMinutes(10));

        h.execute(run, "backup", "alice", null);

        assertThat(h.step(run, "backup").late()).isZero();
        assertThat(h.step(run, "backup").actualStart()).isEqualTo(at(10));
    }

    @Test
    void lateStepMovesTheCriticalPathAndTheProjectedEnd() {
        h.advance(Duration.ofMinutes(90));

        RunView view = h.view(run);

        // freeze 21:30-21:40 and backup 21:30-21:50 from now; deploy waits for backup: 21:50-22:20
        assertThat(view.criticalPath()).containsExactly("backup", "deploy", "smoke");
        assertThat(view.projectedEnd()).isEqualTo(at(155));
        assertThat(view.plannedEnd()).isEqualTo(at(115));
    }

    @Test
    void finishedStepsCountWithTheirActualEnds() {
        h.advance(Duration.ofMinutes(30));
        h.execute(run, "backup", "alice", null);
        h.advance(Duration.ofMinutes(50));
        h.runbooks.confirm(run, "freeze", "alice", null);

        RunView view = h.view(run);

        // deploy can start now (21:20) and is planned for 30 minutes: the run ends 22:05
        assertThat(view.projectedEnd()).isEqualTo(at(125));
        assertThat(view.criticalPath()).containsExactly("freeze", "deploy", "smoke");
        assertThat(view.step("deploy").orElseThrow().late()).isEqualTo(Duration.ofMinutes(10));
    }

    private void assertPlanned(String step, Instant start, Instant end) {
        StepView s = h.step(run, step);
        assertThat(s.plannedStart()).as("planned start of %s", step).isEqualTo(start);
        assertThat(s.plannedEnd()).as("planned end of %s", step).isEqualTo(end);
    }

    @Test
    void manualStepConfirmedAfterItsPlannedEndStaysLate() {
        h.advance(Duration.ofMinutes(80));
        h.runbooks.confirm(run, "freeze", "alice", null);

        assertThat(h.step(run, "freeze").late()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void rehearsalMovesAbsoluteTimesToItsOwnStart(@TempDir Path other) {
        Harness rehearsal = Harness.of(other, "schedule.yaml");
        String id = rehearsal
                .runbooks
                .start("night", "staging", "alice", new Runbooks.StartOptions(true, false, null))
                .runId();

        assertThat(rehearsal.step(id, "freeze").plannedStart()).isEqualTo(at(0));
        assertThat(rehearsal.step(id, "deploy").plannedStart()).isEqualTo(at(50));
    }
}
