package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step that changes a protected environment runs only with the environment's name typed back. */
class TypedEnvironmentTest {
    @TempDir
    Path dir;

    private Harness h;

    @BeforeEach
    void engine() {
        h = Harness.of(dir, "protected.yaml");
    }

    @Test
    void environmentThatEndsThePromotionChainOrIsNamedProductionIsProtected() {
        assertThat(h.runbooks
                        .start("change", "dev", "alice", Runbooks.StartOptions.real())
                        .protectedEnvironment())
                .as("dev starts the chain")
                .isFalse();
        assertThat(h.runbooks
                        .start("change", "staging", "alice", Runbooks.StartOptions.real())
                        .protectedEnvironment())
                .as("live is promoted from staging")
                .isFalse();
        assertThat(h.runbooks
                        .start("change", "live", "alice", Runbooks.StartOptions.real())
                        .protectedEnvironment())
                .as("live ends the chain")
                .isTrue();
        assertThat(h.runbooks
                        .start("change", "production", "alice", Runbooks.StartOptions.real())
                        .protectedEnvironment())
                .as("named production")
                .isTrue();
    }

    @Test
    void changingStepInAProtectedEnvironmentIsRefusedWithoutTheNameTypedBack() {
        String run = h.start("change", "live", "alice");

        assertThatThrownBy(() -> h.execute(run, "touch", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step touch changes live: the environment's name must be typed back before it runs");
        assertThat(h.marker).doesNotExist();
        assertThat(h.step(run, "touch").status()).isEqualTo(StepStatus.READY);
        assertThat(h.step(run, "touch").attempts()).isZero();
    }

    @Test
    void anotherEnvironmentsNameDoesNotCount() {
        String run = h.start("change", "live", "alice");

        assertThatThrownBy(() -> h.execute(run, "touch", "alice", "staging"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step touch changes live: the environment's name must be typed back before it runs");
        assertThatThrownBy(() -> h.execute(run, "touch", "alice", "LIVE"))
                .isInstanceOf(RunbookException.class)
                .hasMessageStartingWith("step touch changes live");
        assertThat(h.marker).doesNotExist();
    }

    @Test
    void changingStepRunsWithTheNameTypedBack() {
        String run = h.start("change", "live", "alice");

        h.execute(run, "touch", "alice", "live");

        assertThat(h.status(run, "touch")).isEqualTo(StepStatus.DONE);
        assertThat(h.marker).exists();
    }

    @Test
    void productionByNameNeedsItsNameTypedBackToo() {
        String run = h.start("change", "production", "alice");

        assertThatThrownBy(() -> h.execute(run, "touch", "alice", "live"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step touch changes production: the environment's name must be typed back before it runs");
        h.execute(run, "touch", "alice", "production");
        assertThat(h.marker).exists();
    }

    @Test
    void stepThatChangesNothingRunsWithoutTheName() {
        String run = h.start("change", "live", "alice");

        h.execute(run, "pause", "alice", null);

        assertThat(h.status(run, "pause")).isEqualTo(StepStatus.DONE);
    }

    @Test
    void unprotectedEnvironmentNeedsNoName() {
        String run = h.start("change", "staging", "alice");

        h.execute(run, "touch", "alice", null);

        assertThat(h.marker).exists();
    }

    @Test
    void dryRunInAProtectedEnvironmentNeedsNoNameAndChangesNothing() {
        String run = h.runbooks
                .start("change", "live", "alice", new Runbooks.StartOptions(true, true, null))
                .runId();

        h.execute(run, "touch", "alice", null);

        assertThat(h.status(run, "touch")).isEqualTo(StepStatus.DONE);
        assertThat(h.marker).doesNotExist();
    }

    @Test
    void manualStepsAreNotExecuted() {
        String run = h.start("change", "live", "alice");

        assertThatThrownBy(() -> h.execute(run, "note", "alice", "live"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step note is done by a person: confirm it");
    }
}
