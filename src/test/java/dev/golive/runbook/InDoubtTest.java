package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step whose intent is in the journal but whose end is not: in doubt when the golive that ran
 * it is gone, running while it lives. The intents are written through the engine's own ledger,
 * naming a process of this machine that has ended, this process, or a process of another machine.
 */
class InDoubtTest {
    @TempDir
    Path dir;

    private Harness h;
    private String run;

    @BeforeEach
    void startRelease() {
        h = Harness.of(dir, "in-doubt.yaml");
        run = h.start("release", "staging", "alice");
    }

    @Test
    void stepWhoseRunnerIsADeadProcessIsInDoubt() {
        intent("migrate", Harness.deadRunner());

        StepView migrate = h.step(run, "migrate");
        assertThat(migrate.status()).isEqualTo(StepStatus.IN_DOUBT);
        assertThat(migrate.attempts()).isEqualTo(1);
        assertThat(migrate.actor()).isEqualTo("alice");
        assertThat(h.status(run, "verify")).isEqualTo(StepStatus.WAITING);
    }

    @Test
    void stepWhoseRunnerLivesIsRunning() {
        intent("migrate", Runner.self());

        assertThat(h.status(run, "migrate")).isEqualTo(StepStatus.RUNNING);
    }

    @Test
    void runnerOnAnotherMachineIsTrusted() {
        intent("migrate", "4242@build-agent-7.example@1700000000000");

        assertThat(h.status(run, "migrate")).isEqualTo(StepStatus.RUNNING);
    }

    @Test
    void stepInDoubtIsNeverRunAgainSilently() {
        intent("migrate", Harness.deadRunner());

        assertThatThrownBy(() -> h.execute(run, "migrate", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step migrate cannot be run now: it is in-doubt");
        assertThat(h.marker).doesNotExist();
        assertThat(h.step(run, "migrate").attempts()).isEqualTo(1);
    }

    @Test
    void resolvingNeedsAReasonAndAKnownVerdict() {
        intent("migrate", Harness.deadRunner());

        assertThatThrownBy(() -> h.runbooks.resolve(run, "migrate", "alice", "done", ""))
                .isInstanceOf(RunbookException.class)
                .hasMessage("resolving step migrate needs a reason: add --reason \"...\"");
        assertThatThrownBy(() -> h.runbooks.resolve(run, "migrate", "alice", "maybe", "no idea"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("a step is resolved as done, rerun or failed, not 'maybe'");
        assertThat(h.status(run, "migrate")).isEqualTo(StepStatus.IN_DOUBT);
    }

    @Test
    void resolvedAsDoneLetsTheDependentsGoOn() {
        intent("migrate", Harness.deadRunner());

        h.runbooks.resolve(run, "migrate", "bob", "done", "flyway_schema_history has version 42");

        StepView migrate = h.step(run, "migrate");
        assertThat(migrate.status()).isEqualTo(StepStatus.DONE);
        assertThat(migrate.reason()).isEqualTo("flyway_schema_history has version 42");
        assertThat(migrate.actor()).isEqualTo("bob");
        assertThat(h.status(run, "verify")).isEqualTo(StepStatus.READY);
    }

    @Test
    void resolvedAsRerunRunsItOnceMore() {
        intent("migrate", Harness.deadRunner());

        h.runbooks.resolve(run, "migrate", "bob", "rerun", "the schema is unchanged");
        assertThat(h.status(run, "migrate")).isEqualTo(StepStatus.READY);
        h.execute(run, "migrate", "bob", null);

        StepView migrate = h.step(run, "migrate");
        assertThat(migrate.status()).isEqualTo(StepStatus.DONE);
        assertThat(migrate.attempts()).isEqualTo(2);
        assertThat(h.marker).exists();
    }

    @Test
    void resolvedAsFailedStopsTheRunbook() {
        intent("migrate", Harness.deadRunner());

        h.runbooks.resolve(run, "migrate", "bob", "failed", "half of the tables were migrated");

        assertThat(h.status(run, "migrate")).isEqualTo(StepStatus.FAILED);
        assertThat(h.status(run, "verify")).isEqualTo(StepStatus.WAITING);
    }

    @Test
    void onlyAStepInDoubtOrFailedIsResolved() {
        assertThatThrownBy(() -> h.runbooks.resolve(run, "migrate", "alice", "done", "it ran"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step migrate is ready; only a step in doubt or failed is resolved");
    }

    @Test
    void runningStepHoldsOffAnAbort() {
        intent("migrate", Runner.self());

        assertThatThrownBy(() -> h.runbooks.abort(run, "alice", "postponed"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("run " + run + " cannot be aborted while step migrate is running; wait for it to finish");
        assertThat(h.view(run).active()).isTrue();
    }

    @Test
    void abortedRunWithAStepInDoubtEndsOnlyOnceTheStepIsSettled() {
        intent("migrate", Harness.deadRunner());

        RunView aborted = h.runbooks.abort(run, "alice", "postponed");
        assertThat(aborted.active())
                .as("a step in doubt keeps the aborted run open")
                .isTrue();
        assertThat(aborted.step("verify").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);

        RunView settled = h.runbooks.resolve(run, "migrate", "alice", "failed", "rolled the schema back by hand");

        assertThat(settled.outcome()).isEqualTo("aborted");
    }

    private void intent(String step, String runner) {
        h.intent(run, step, runner);
    }
}
