package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEachFileThenTheFindingsNumberedWithTheirEvidenceAndExitsZero() {
        String file = dump("samurai-jdk11-deadlock-3dumps.txt");

        CliRun run = CliRun.of("diag", file);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(file + ": 3 thread dumps, OpenJDK 64-Bit Server VM (11.0.12+7-LTS mixed mode)\n"
                        + "  dump 1  2021-09-15 17:33:34  21 threads: 14 RUNNABLE, 3 BLOCKED, 2 WAITING, 2 TIMED_WAITING\n"
                        + "  dump 2  2021-09-15 17:33:35  21 threads: 14 RUNNABLE, 3 BLOCKED, 2 WAITING, 2 TIMED_WAITING\n"
                        + "  dump 3  2021-09-15 17:33:36  21 threads: 14 RUNNABLE, 3 BLOCKED, 2 WAITING, 2 TIMED_WAITING\n"
                        + "\n1 finding, most important first:\n\n"
                        + "1. CRITICAL  Deadlock: \"DeadLockThread1\" and \"DeadLockThread2\" wait for each other's monitors\n"
                        + "   " + file + ": in 3 of 3 dumps (from 2021-09-15 17:33:34, over 2 s)\n"
                        + "     \"DeadLockThread1\" BLOCKED (on object monitor) waits for <0x000000061fcc9b90>"
                        + " (a java.lang.Object) held by \"DeadLockThread2\"\n"
                        + "         at samurai.core.DeadLockingThread.run(DeadLockingThreads.java:57)\n");
    }

    @Test
    void saysSoWhenItFindsNothing() {
        CliRun run = CliRun.of("diag", dump("tda-jdk11.txt"));

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .endsWith("\nNo findings: no deadlock, contended lock, exhausted pool, database wait, stuck or hot"
                        + " thread, or growing class.\n");
    }

    @Test
    void printsJsonForScripts() throws IOException {
        CliRun run =
                CliRun.of("diag", "--json", dump("samurai-jdk17-blocked-3dumps.txt"), dump("tda-jdk5-histogram.txt"));

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/files/0/dumps")).hasSize(3);
        assertThat(json.at("/files/0/dumps/0/states/BLOCKED").asInt()).isEqualTo(9);
        assertThat(json.at("/files/1/histograms/0/classes").asInt()).isEqualTo(1084);
        assertThat(json.at("/findings/0/kind").asText()).isEqualTo("LOCK_CONTENTION");
        assertThat(json.at("/findings/0/severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.at("/findings/0/threads/0").asText()).isEqualTo("Thread-2");
        assertThat(json.at("/findings/0/locks/0").asText()).isEqualTo("<0x000000061fe28968> (a [Ljava.lang.String;)");
    }

    @Test
    void writesAStandaloneHtmlPageWithEveryFindingEscaped() throws IOException {
        Path html = dir.resolve("diag.html");

        CliRun run = CliRun.of("diag", dump("samurai-springboot-jdk17.txt"), "--html", html.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + html);
        String page = Files.readString(html);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<title>JVM diagnosis: 3 findings</title>")
                .contains(
                        "<span class=\"sev\">CRITICAL</span>Deadlock: &quot;deadLock1&quot; and &quot;deadLock2&quot;")
                .contains("waits for &lt;b5379e1&gt; (a java.lang.Object)")
                .doesNotContain("<script", "<link", "http://", "https://");
    }

    @Test
    void exitsTwoNamingTheFileWhenAFileCannotBeReadOrHoldsNoCapture() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), "started\n");

        CliRun missing = CliRun.of("diag", dir.resolve("gone.txt").toString());
        CliRun empty = CliRun.of("diag", log.toString());

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(dir.resolve("gone.txt") + ": no such file\n");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err())
                .isEqualTo(log + ": no thread dump, class histogram or thread CPU table in its 1 line"
                        + " (a thread dump starts with 'Full thread dump')\n");
    }

    @Test
    void timingPrintsHowLongReadingAndAnalysingTook() {
        CliRun run = CliRun.of("diag", "--timing", dump("sjk-jdk8-160threads.txt"));

        assertThat(run.code()).isZero();
        assertThat(run.err())
                .matches("timing: read 0\\.1 MB in \\d+\\.\\d{3} s \\(.+ MB/s\\), analysed in \\d+\\.\\d{3} s,"
                        + " \\d+\\.\\d{3} s in all \\(.+ MB/s\\), CPU time \\d+\\.\\d{3} s\n");
    }

    private static String dump(String name) {
        try {
            return Path.of(DiagCommandTest.class
                            .getResource("/thread-dumps/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
