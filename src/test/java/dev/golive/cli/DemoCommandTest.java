package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, end to end in its quick mode: every stage as expected, the cause found, nothing left running. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsEveryStageFindsTheContentionAndLeavesNoProcessBehind() throws IOException {
        Path work = dir.resolve("demo");

        CliRun run = CliRun.of(Map.of("GOLIVE_USER", "tester"), "demo", "--quick", "--dir", work.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "[1] The plan",
                        "[5] Load test",
                        "MISSED  search p95",
                        "capture 1 (overall p95 was",
                        "2 of 2 instances captured into .golive/captures/",
                        "golive diag reads them:",
                        "CRITICAL  ",
                        "threads blocked on",
                        "at dev.golive.demo.ShopServer$PriceCache.refresh",
                        "all targets met",
                        "$ golive drill production lose-one-shop",
                        "Gate go approved by kenji; the gate is passed.",
                        "has ended: done.",
                        "Everything the demo started has stopped.")
                .doesNotContain(" NO (exit", "| NO");
        assertThat(work.resolve("reports/index.html")).exists();
        assertThat(Files.readString(work.resolve("reports/index.html")))
                .contains("load-with-fault.html", "load-after-fix.html", "runbook.html");
        assertThat(Files.readString(work.resolve("reports/load-with-fault.html")))
                .contains("<h2>Captures</h2>", "capture.taken shop/app1: 3 thread dumps");
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(c -> c.contains(work.toString())))
                .as("processes of the demo still running")
                .isEmpty();
    }

    @Test
    void aDirectoryThatIsNotADemosIsLeftAlone() throws IOException {
        Files.writeString(dir.resolve("precious.txt"), "keep me");

        CliRun run = CliRun.of(Map.of(), "demo", "--quick", "--dir", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not a golive demo's directory");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }
}
