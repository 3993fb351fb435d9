package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveRunTest {
    @TempDir
    Path dir;

    private Harness h;

    @BeforeEach
    void engine() {
        h = Harness.of(dir, "protected.yaml");
    }

    @Test
    void secondStartInTheSameEnvironmentIsRefusedNamingTheRunAndWhoStartedIt() {
        String first = h.start("change", "live", "alice");
        h.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> h.start("change", "live", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("runbook change is already running in live as run " + first
                        + ", started by alice at 2026-12-04T20:00:00Z; one run per environment at a time:"
                        + " finish or abort it first");
    }

    @Test
    void runsInOtherEnvironmentsMayGoOnAtTheSameTime() {
        String live = h.start("change", "live", "alice");
        String staging = h.start("change", "staging", "bob");

        assertThat(live).isNotEqualTo(staging);
        assertThat(h.runbooks.runId(null, "live")).isEqualTo(live);
        assertThat(h.runbooks.runId(null, "staging")).isEqualTo(staging);
    }

    @Test
    void severalActiveRunsMustBeNamed() {
        String live = h.start("change", "live", "alice");
        String staging = h.start("change", "staging", "bob");

        assertThatThrownBy(() -> h.runbooks.runId(null, null))
                .isInstanceOf(RunbookException.class)
                .hasMessageStartingWith("several runbook runs are active (")
                .hasMessageContaining(live)
                .hasMessageContaining(staging)
                .hasMessageEndingWith("): name one with --run ID or --env ENV");
    }

    @Test
    void afterAnAbortANewRunMayStart() {
        String first = h.start("change", "live", "alice");

        RunView aborted = h.runbooks.abort(first, "alice", "the vendor postponed the release");
        String second = h.start("change", "live", "bob");

        assertThat(aborted.outcome()).isEqualTo("aborted");
        assertThat(aborted.reason()).isEqualTo("the vendor postponed the release");
        assertThat(aborted.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
        assertThat(second).isNotEqualTo(first);
        assertThat(h.view(second).startedBy()).isEqualTo("bob");
    }

    @Test
    void afterTheRunIsDoneANewRunMayStart() {
        String first = h.start("change", "staging", "alice");
        h.execute(first, "touch", "alice", null);
        h.execute(first, "pause", "alice", null);
        RunView done = h.runbooks.confirm(first, "note", "alice", null);

        String second = h.start("change", "staging", "alice");

        assertThat(done.outcome()).isEqualTo("done");
        assertThat(h.view(second).active()).isTrue();
    }

    @Test
    void anEndedRunCannotBeChanged() {
        String first = h.start("change", "live", "alice");
        h.runbooks.abort(first, "alice", "postponed");

        assertThatThrownBy(() -> h.runbooks.confirm(first, "note", "alice", null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("run " + first + " has ended (aborted); nothing can change it");
    }

    @Test
    void abortNeedsAReason() {
        String run = h.start("change", "live", "alice");

        assertThatThrownBy(() -> h.runbooks.abort(run, "alice", ""))
                .isInstanceOf(RunbookException.class)
                .hasMessage("aborting the run needs a reason: add --reason \"...\"");
        assertThat(h.view(run).active()).isTrue();
    }

    @Test
    void unknownRunbookOrEnvironmentIsRefusedListingTheDefinedOnes() {
        assertThatThrownBy(() -> h.start("chnage", "live", "alice"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("no runbook named 'chnage' in the plan; defined: [change]");
        assertThatThrownBy(() -> h.start("change", "prod", "alice"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("no environment named 'prod' in the plan; defined: [dev, staging, live, production]");
    }

    @Test
    void withoutAnyRunTheMessageSaysHowToStartOne() {
        assertThatThrownBy(() -> h.runbooks.runId(null, null))
                .isInstanceOf(RunbookException.class)
                .hasMessage("no runbook run yet; start one with: golive runbook start NAME --env ENV");
        assertThatThrownBy(() -> h.runbooks.runId(null, "live"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("no runbook run is active in live");
    }
}
