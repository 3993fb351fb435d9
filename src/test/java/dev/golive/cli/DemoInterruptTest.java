package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.golive.testsupport.ChildJvm;
import dev.golive.testsupport.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of the demo stops everything it started: database, balancer, instances. */
class DemoInterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCDuringTheLoadTestLeavesNoProcessBehind() throws IOException, InterruptedException {
        Path work = dir.resolve("demo");
        try (ChildJvm demo = ChildJvm.start(Main.class, "demo", "--quick", "--dir", work.toString())) {
            try {
                await().atMost(Duration.ofMinutes(6))
                        .until(() -> !demo.isAlive()
                                || demo.lines().stream().anyMatch(l -> l.contains("$ golive load production peak")));
                assertThat(demo.isAlive())
                        .as("the demo runs: %s%s", demo.lines(), demo.errors())
                        .isTrue();
                assertThat(Processes.containing(work.toString()))
                        .as("the database, the balancer and three instances run")
                        .hasSizeGreaterThanOrEqualTo(5)
                        .anyMatch(c -> c.contains("org.h2.tools.Server"))
                        .anyMatch(c -> c.contains("nginx") || c.contains("Balancer"))
                        .anyMatch(c -> c.contains("apps/app2/shop.jar"));
            } finally {
                // Ctrl-C, as a person would press it: SIGINT runs the demo's shutdown hooks.
                Process ctrlC = new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start();
                assertThat(ctrlC.waitFor()).isZero();
                demo.waitFor(120);
            }
            assertThat(demo.isAlive()).isFalse();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Processes.containing(work.toString()))
                        .as("processes of the demo still running")
                        .isEmpty());
    }
}
