package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps golive runs itself: their outcome, reason and evidence. */
class CommandStepTest {
    @TempDir
    Path dir;

    private Harness h;
    private String run;

    @BeforeEach
    void startRelease() {
        h = Harness.of(dir, "commands.yaml");
        run = h.start("release", "staging", "alice");
    }

    @Test
    void commandOutputIsKeptAsEvidence() {
        h.execute(run, "version", "alice", null);

        StepView version = h.step(run, "version");
        assertThat(version.status()).isEqualTo(StepStatus.DONE);
        assertThat(version.evidence()).isEqualTo("here: exit status 0\nrelease 1.4.2\n<b>ok</b>\n");
        assertThat(version.attempts()).isEqualTo(1);
        assertThat(version.actor()).isEqualTo("alice");
        assertThat(h.output.toString()).contains("  here | release 1.4.2");
    }

    @Test
    void failingCommandFailsTheStepWithTheHostAndExitStatus() {
        h.execute(run, "full", "alice", null);

        StepView full = h.step(run, "full");
        assertThat(full.status()).isEqualTo(StepStatus.FAILED);
        assertThat(full.reason()).contains("here").contains("3").contains("disk full");
        assertThat(h.status(run, "after-full")).isEqualTo(StepStatus.WAITING);
    }

    @Test
    void failedCommandResolvedAsRerunRunsAgain() {
        h.execute(run, "full", "alice", null);
        h.runbooks.resolve(run, "full", "bob", "rerun", "freed 20 GB in /var/log");

        assertThat(h.status(run, "full")).isEqualTo(StepStatus.READY);
        h.execute(run, "full", "bob", null);
        assertThat(h.step(run, "full").attempts()).isEqualTo(2);
    }

    @Test
    void commandOnAnUnknownHostFailsSayingWhy() {
        h.execute(run, "nowhere", "alice", null);

        StepView nowhere = h.step(run, "nowhere");
        assertThat(nowhere.status()).isEqualTo(StepStatus.FAILED);
        assertThat(nowhere.reason())
                .isEqualTo("step nowhere runs on 'was9', which is neither a host nor a service of environment staging");
    }

    @Test
    void commandOnAServiceRunsOnItsHosts() {
        h.execute(run, "on-service", "alice", null);

        assertThat(h.step(run, "on-service").evidence()).isEqualTo("here: exit status 0\non the app host\n");
    }

    @Test
    void waitWithoutADurationOrTimeFailsSayingWhatItTakes() {
        h.execute(run, "soon", "alice", null);

        StepView soon = h.step(run, "soon");
        assertThat(soon.status()).isEqualTo(StepStatus.FAILED);
        assertThat(soon.reason())
                .isEqualTo("step soon: wait takes a duration like 10m or a local time like \"2026-12-04 22:00\", not"
                        + " 'soon'");
    }

    @Test
    void shortWaitIsDone() {
        h.execute(run, "brief", "alice", null);

        assertThat(h.status(run, "brief")).isEqualTo(StepStatus.DONE);
        assertThat(h.step(run, "brief").evidence()).isEqualTo("waited until " + Harness.T0.plusMillis(1));
    }
}
