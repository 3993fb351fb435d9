package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wait} with {@code until: CHECK}: a wait that ends when the system is ready. */
class WaitUntilTest {
    @TempDir
    Path dir;

    @Test
    void endsAsSoonAsTheCheckIsGreen() {
        Harness h = Harness.of(dir, "wait-until.yaml");
        String run = h.start("green", "staging", "alice");

        h.execute(run, "settle", "alice", null);

        StepView settle = h.step(run, "settle");
        assertThat(settle.status()).isEqualTo(StepStatus.DONE);
        assertThat(settle.evidence()).contains("ok   always green (here)");
    }

    @Test
    void failsWhenTheCheckIsStillRedAtTheDeadline() {
        Harness h = Harness.of(dir, "wait-until.yaml");
        String run = h.start("red", "staging", "alice");

        h.execute(run, "settle", "alice", null);

        StepView settle = h.step(run, "settle");
        assertThat(settle.status()).isEqualTo(StepStatus.FAILED);
        assertThat(settle.reason()).startsWith("check 'marker exists' was still red at ");
        assertThat(settle.evidence()).contains("FAIL marker exists (here)");
    }
}
