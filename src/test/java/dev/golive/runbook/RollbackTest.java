package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackTest {
    @TempDir
    Path dir;

    private Harness h;
    private String run;

    @BeforeEach
    void rejectTheOpen() {
        h = Harness.of(dir, "rollback.yaml");
        run = h.start("open-day", "staging", "alice");
        h.runbooks.confirm(run, "deploy", "alice", null);
        h.runbooks.reject(run, "go", "bob", "checkout answers 500");
    }

    @Test
    void rollbackNeedsAReason() {
        assertThatThrownBy(() -> h.runbooks.rollback(run, "alice", " "))
                .isInstanceOf(RunbookException.class)
                .hasMessage("rolling back needs a reason: add --reason \"...\"");
        assertThat(h.view(run).rollingBack()).isFalse();
    }

    @Test
    void rollbackCancelsTheMainStepsNotDoneAndReadiesTheRollbackSteps() {
        RunView view = h.runbooks.rollback(run, "alice", "checkout is broken in 1.4.2");

        assertThat(view.rollingBack()).isTrue();
        assertThat(view.reason()).isEqualTo("checkout is broken in 1.4.2");
        assertThat(view.active()).isTrue();
        assertThat(h.statuses(run))
                .containsExactly(
                        entry("deploy", StepStatus.DONE),
                        entry("go", StepStatus.REJECTED),
                        entry("announce", StepStatus.CANCELLED),
                        entry("back", StepStatus.READY),
                        entry("notice", StepStatus.WAITING));
    }

    @Test
    void mainStepsCannotBeDoneWhileRollingBack() {
        h.runbooks.rollback(run, "alice", "checkout is broken in 1.4.2");

        assertThatThrownBy(() -> h.runbooks.confirm(run, "announce", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step announce cannot be confirmed now: the run is rolling back");
    }

    @Test
    void finishingTheRollbackStepsEndsTheRunRolledBack() {
        h.runbooks.rollback(run, "alice", "checkout is broken in 1.4.2");
        h.runbooks.confirm(run, "back", "ops-olga", null);

        RunView after = h.runbooks.confirm(run, "notice", "alice", null);

        assertThat(after.outcome()).isEqualTo("rolled-back");
        assertThat(after.active()).isFalse();
        assertThat(h.runbooks.runId(null, null)).isEqualTo(run);
    }

    @Test
    void rollbackStepsArePlannedFromTheMomentOfTheRollback() {
        h.advance(Duration.ofMinutes(40));

        h.runbooks.rollback(run, "alice", "checkout is broken in 1.4.2");

        StepView back = h.step(run, "back");
        StepView notice = h.step(run, "notice");
        assertThat(back.plannedStart()).isEqualTo(Harness.at(40));
        assertThat(notice.plannedStart()).isEqualTo(Harness.at(55));
        assertThat(h.view(run).criticalPath()).containsExactly("back", "notice");
        assertThat(h.view(run).plannedEnd()).isEqualTo(Harness.at(60));
    }

    @Test
    void rollbackStepsWaitUntilTheRunRollsBack() {
        assertThat(h.status(run, "back")).isEqualTo(StepStatus.WAITING);
        assertThatThrownBy(() -> h.runbooks.confirm(run, "back", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage(
                        "step back cannot be confirmed now: it is a rollback step, and the run is not rolling back");
    }

    @Test
    void aRunRollsBackOnlyOnce() {
        h.runbooks.rollback(run, "alice", "checkout is broken in 1.4.2");

        assertThatThrownBy(() -> h.runbooks.rollback(run, "bob", "again"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("run " + run + " is already rolling back");
    }

    @Test
    void rollbackMayStartBeforeAnyGateIsRejected(@TempDir Path other) {
        Harness fresh = Harness.of(other, "rollback.yaml");
        String early = fresh.start("open-day", "staging", "alice");

        RunView view = fresh.runbooks.rollback(early, "alice", "the database migration failed");

        assertThat(view.step("deploy").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(view.step("go").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(view.step("back").orElseThrow().status()).isEqualTo(StepStatus.READY);
    }

    @Test
    void runbookWithoutRollbackRefusesToRollBack(@TempDir Path other) {
        Harness fresh = Harness.of(other, "rollback.yaml");
        String hotfix = fresh.start("hotfix", "staging", "alice");

        assertThatThrownBy(() -> fresh.runbooks.rollback(hotfix, "alice", "the patch is wrong"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("runbook hotfix has no rollback procedure; abort the run instead");
        assertThat(fresh.view(hotfix).rollingBack()).isFalse();
    }

    @Test
    void mainStepsKeepTheirPlanAfterTheRollbackBegan() {
        h.runbooks.rollback(run, "alice", "the payment provider is down");

        assertThat(h.step(run, "deploy").plannedStart()).isNotNull();
        assertThat(h.step(run, "announce").plannedEnd()).isNotNull();
    }

    @Test
    void rollbackStepCannotBeSkippedBeforeTheRollback() {
        assertThatThrownBy(() -> h.runbooks.skip(run, "back", "alice", "not needed", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step back is a rollback step, and the run is not rolling back");
    }
}
