package dev.golive.runbook;

import static dev.golive.runbook.StepStatus.DONE;
import static dev.golive.runbook.StepStatus.FAILED;
import static dev.golive.runbook.StepStatus.READY;
import static dev.golive.runbook.StepStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyOrderTest {
    @TempDir
    Path dir;

    private Harness h;

    @BeforeEach
    void engine() {
        h = Harness.of(dir, "order.yaml");
    }

    @Test
    void independentStepsAreReadyTogetherAndTheirDependentsWait() {
        String run = h.start("release", "staging", "alice");

        assertThat(h.statuses(run))
                .containsExactly(
                        entry("freeze", READY),
                        entry("backup", READY),
                        entry("deploy", WAITING),
                        entry("smoke", WAITING));
        assertThat(h.view(run).with(READY)).extracting(StepView::id).containsExactly("freeze", "backup");
    }

    @Test
    void stepBecomesReadyOnlyWhenAllItsAfterStepsAreDone() {
        String run = h.start("release", "staging", "alice");

        h.runbooks.confirm(run, "freeze", "alice", null);
        assertThat(h.status(run, "deploy")).isEqualTo(WAITING);

        h.runbooks.confirm(run, "backup", "bob", "backup-2026-12-04.dump");
        assertThat(h.status(run, "deploy")).isEqualTo(READY);
        assertThat(h.status(run, "smoke")).isEqualTo(WAITING);
    }

    @Test
    void confirmingAStepWhoseDependenciesAreNotDoneIsRefusedNamingThem() {
        String run = h.start("release", "staging", "alice");
        h.runbooks.confirm(run, "freeze", "alice", null);

        assertThatThrownBy(() -> h.runbooks.confirm(run, "deploy", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step deploy cannot be confirmed now: it waits for [backup]");
        assertThat(h.status(run, "deploy")).isEqualTo(WAITING);
    }

    @Test
    void aStepIsConfirmedOnlyOnce() {
        String run = h.start("release", "staging", "alice");
        h.runbooks.confirm(run, "freeze", "alice", null);

        assertThatThrownBy(() -> h.runbooks.confirm(run, "freeze", "bob", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step freeze cannot be confirmed now: it is done");
    }

    @Test
    void unknownStepIsRefusedListingTheSteps() {
        String run = h.start("release", "staging", "alice");

        assertThatThrownBy(() -> h.runbooks.confirm(run, "frezee", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("run " + run + " has no step 'frezee'; its steps: [freeze, backup, deploy, smoke]");
    }

    @Test
    void runEndsDoneWhenTheLastStepIsConfirmed() {
        String run = h.start("release", "staging", "alice");
        for (String step : new String[] {"freeze", "backup", "deploy"}) {
            h.runbooks.confirm(run, step, "alice", null);
        }
        assertThat(h.view(run).active()).isTrue();

        RunView after = h.runbooks.confirm(run, "smoke", "qa-dan", null);

        assertThat(after.outcome()).isEqualTo("done");
        assertThat(after.endedAt()).isEqualTo(Harness.T0);
        assertThat(after.step("smoke").orElseThrow().actor()).isEqualTo("qa-dan");
    }

    @Test
    void failureOfAStepMarkedContinueLetsItsDependentsGoOn() {
        String run = h.start("tolerant", "staging", "alice");

        h.runbooks.fail(run, "warm-cache", "alice", "the cache node is down");

        assertThat(h.status(run, "warm-cache")).isEqualTo(FAILED);
        assertThat(h.step(run, "warm-cache").reason()).isEqualTo("the cache node is down");
        assertThat(h.status(run, "open")).isEqualTo(READY);
    }

    @Test
    void failureOfAStepThatStopsHoldsItsDependents() {
        String run = h.start("tolerant", "staging", "alice");

        h.runbooks.fail(run, "migrate", "alice", "duplicate key in orders");

        assertThat(h.status(run, "verify")).isEqualTo(WAITING);
        assertThatThrownBy(() -> h.runbooks.confirm(run, "verify", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step verify cannot be confirmed now: it waits for [migrate]");
    }

    @Test
    void runWithAContinuedFailureStillEndsDone() {
        String run = h.start("tolerant", "staging", "alice");
        h.runbooks.fail(run, "warm-cache", "alice", "the cache node is down");
        h.runbooks.confirm(run, "open", "alice", null);
        h.runbooks.confirm(run, "migrate", "alice", null);

        RunView after = h.runbooks.confirm(run, "verify", "alice", null);

        assertThat(after.outcome()).isEqualTo("done");
        assertThat(after.step("warm-cache").orElseThrow().status()).isEqualTo(FAILED);
    }

    @Test
    void failingAStepNeedsAReason() {
        String run = h.start("release", "staging", "alice");

        assertThatThrownBy(() -> h.runbooks.fail(run, "freeze", "alice", " "))
                .isInstanceOf(RunbookException.class)
                .hasMessage("failing step freeze needs a reason: add --reason \"...\"");
        assertThat(h.status(run, "freeze")).isEqualTo(READY);
    }

    @Test
    void onlyManualStepsAreConfirmed() {
        Harness gates = Harness.of(dir.resolve("gates"), "gates.yaml");
        String run = gates.start("pm-only", "staging", "alice");

        assertThatThrownBy(() -> gates.runbooks.confirm(run, "go", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step go is a gate step; only manual steps are confirmed (a gate is approved or rejected)");
    }

    @Test
    void confirmedStepRecordsWhoAndWhen() {
        String run = h.start("release", "staging", "alice");
        h.advance(Duration.ofMinutes(4));

        h.runbooks.confirm(run, "freeze", "pm-paula", "posted in #shop");

        StepView freeze = h.step(run, "freeze");
        assertThat(freeze.status()).isEqualTo(DONE);
        assertThat(freeze.actor()).isEqualTo("pm-paula");
        assertThat(freeze.actualEnd()).isEqualTo(Harness.at(4));
    }
}
