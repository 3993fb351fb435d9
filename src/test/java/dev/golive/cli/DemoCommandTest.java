package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo, end to end in its quick mode: every stage as expected, the cause found, the hotfix
 * released through staging to production, nothing left running.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsEveryStageFindsTheContentionShipsTheHotfixAndLeavesNoProcessBehind() throws Exception {
        Path work = dir.resolve("demo");

        CliRun run = CliRun.of(Map.of("GOLIVE_USER", "tester"), "demo", "--quick", "--dir", work.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "[1] The plan",
                        "$ golive release add build/1.0.0/shop.jar --version 1.0.0 --notes 'the first release'",
                        "shop/stage1: verified - SHA-256 on the host matches 1.0.0",
                        "deploy 1.0.0 to staging: passed",
                        "smoke staging: all 1 scenarios passed",
                        "shop/app2: smoke - order passed",
                        "deploy 1.0.0 to production: passed",
                        "/version of the production instances: app1 1.0.0, app2 1.0.0",
                        "[7] Load test",
                        "MISSED  search p95",
                        "capture 1 (overall p95 was",
                        "2 of 2 instances captured into .golive/captures/",
                        "golive diag reads them:",
                        "CRITICAL  ",
                        "threads blocked on",
                        "at dev.golive.demo.ShopServer$PriceCache.refresh",
                        "refused: release 1.0.1 was never deployed to staging",
                        "deploy 1.0.1 to staging: passed",
                        "shop/app1: stopped - stopped PID",
                        "deploy 1.0.1 to production: passed",
                        "/version of the production instances: app1 1.0.1, app2 1.0.1",
                        "all targets met",
                        "$ golive drill production lose-one-shop",
                        "Gate go approved by kenji; the gate is passed.",
                        "has ended: done.",
                        "Everything the demo started has stopped.")
                .containsPattern("ok +shop/app1 +1\\.0\\.1 +1\\.0\\.1 +the host has the bytes of 1\\.0\\.1")
                .containsPattern("ok +shop/app2 +1\\.0\\.1 +1\\.0\\.1 +the host has the bytes of 1\\.0\\.1")
                .containsPattern("production runs 1\\.0\\.1 +yes")
                .doesNotContain(" NO (exit", " NO\n");
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
        for (String host : List.of("app1", "app2")) {
            Path jar = work.resolve("apps/" + host + "/shop.jar");
            assertThat(jar).hasSameBinaryContentAs(work.resolve("build/1.0.1/shop.jar"));
            assertThat(version(jar)).isEqualTo("1.0.1");
            assertThat(version(jar.resolveSibling("shop.jar.golive-previous"))).isEqualTo("1.0.0");
        }
        CliRun deployed = CliRun.of(
                Map.of("GOLIVE_USER", "tester"),
                "deployed",
                "production",
                "--json",
                "-f",
                work.resolve("golive.yaml").toString());
        assertThat(deployed.code()).as(deployed.out() + deployed.err()).isZero();
        assertThat(new ObjectMapper().readTree(deployed.out()))
                .extracting(n -> n.get("instance").asText() + " "
                        + n.get("state").asText() + " " + n.get("onHost").asText())
                .containsExactly("shop/app1 ok 1.0.1", "shop/app2 ok 1.0.1");
    }

    private static String version(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
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
