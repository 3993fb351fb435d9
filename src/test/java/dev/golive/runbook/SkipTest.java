package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkipTest {
    @TempDir
    Path dir;

    private Harness h;
    private String run;

    @BeforeEach
    void startRelease() {
        h = Harness.of(dir, "order.yaml");
        run = h.start("release", "staging", "alice");
    }

    @Test
    void skipWithAReasonAndASecondPersonLetsTheDependentsGoOn() {
        h.runbooks.confirm(run, "freeze", "alice", null);

        h.runbooks.skip(run, "backup", "alice", "the nightly backup ran an hour ago", "bob");

        StepView backup = h.step(run, "backup");
        assertThat(backup.status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(backup.reason()).isEqualTo("the nightly backup ran an hour ago");
        assertThat(backup.approvedBy()).isEqualTo("bob");
        assertThat(backup.actor()).isEqualTo("alice");
        assertThat(h.status(run, "deploy")).isEqualTo(StepStatus.READY);
    }

    @Test
    void skipNeedsAReason() {
        assertThatThrownBy(() -> h.runbooks.skip(run, "backup", "alice", null, "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("skipping step backup needs a reason: add --reason \"...\"");
        assertThat(h.status(run, "backup")).isEqualTo(StepStatus.READY);
    }

    @Test
    void skipNeedsASecondPerson() {
        assertThatThrownBy(() -> h.runbooks.skip(run, "backup", "alice", "ran an hour ago", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("skipping step backup needs a second person: add --approved-by NAME");
        assertThatThrownBy(() -> h.runbooks.skip(run, "backup", "alice", "ran an hour ago", "  "))
                .isInstanceOf(RunbookException.class)
                .hasMessage("skipping step backup needs a second person: add --approved-by NAME");
    }

    @Test
    void theActorCannotApproveTheirOwnSkip() {
        assertThatThrownBy(() -> h.runbooks.skip(run, "backup", "alice", "ran an hour ago", " alice "))
                .isInstanceOf(RunbookException.class)
                .hasMessage("skipping step backup needs a second person, not alice again");
        assertThat(h.status(run, "backup")).isEqualTo(StepStatus.READY);
    }

    @Test
    void aDoneStepCannotBeSkipped() {
        h.runbooks.confirm(run, "freeze", "alice", null);

        assertThatThrownBy(() -> h.runbooks.skip(run, "freeze", "alice", "not needed", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step freeze is done and cannot be skipped");
    }

    @Test
    void aFailedStepMayBeSkipped() {
        h.runbooks.fail(run, "backup", "alice", "the backup volume is full");

        h.runbooks.skip(run, "backup", "alice", "yesterday's backup will do", "bob");

        assertThat(h.status(run, "backup")).isEqualTo(StepStatus.SKIPPED);
        assertThat(h.step(run, "backup").reason()).isEqualTo("yesterday's backup will do");
    }

    @Test
    void aGateCannotBeSkipped(@TempDir Path other) {
        Harness gates = Harness.of(other, "gates.yaml");
        String gated = gates.start("pm-only", "staging", "alice");

        assertThatThrownBy(() -> gates.runbooks.skip(gated, "go", "alice", "we are in a hurry", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step go is a gate, which cannot be skipped: approve or reject it");
        assertThat(gates.status(gated, "go")).isEqualTo(StepStatus.READY);
    }

    @Test
    void skippingTheLastStepEndsTheRun() {
        for (String step : new String[] {"freeze", "backup", "deploy"}) {
            h.runbooks.confirm(run, step, "alice", null);
        }

        RunView after = h.runbooks.skip(run, "smoke", "alice", "smoke tests ran on staging", "bob");

        assertThat(after.outcome()).isEqualTo("done");
    }
}
