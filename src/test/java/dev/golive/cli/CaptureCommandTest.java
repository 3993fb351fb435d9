package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.ChildJvm;
import dev.golive.testsupport.Contention;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive capture}: a real JVM captured on this machine and over a real SSH server. */
class CaptureCommandTest {
    @TempDir
    static Path dir;

    private static SshServer sshd;
    private static ChildJvm jvm;
    private static Path plan;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        Path key = SshServer.generateKey(dir.resolve("id_ed25519"), "");
        sshd = SshServer.start(Files.createDirectories(dir.resolve("sshd")), Path.of(key + ".pub"));
        String marker = "capture-" + UUID.randomUUID();
        jvm = ChildJvm.start(Contention.class, marker);
        while (jvm.lines().isEmpty()) {
            Thread.sleep(50);
        }
        env = Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString(), "GOLIVE_USER", "tester");
        plan = Files.writeString(Files.createDirectories(dir.resolve("plan")).resolve("golive.yaml"), """
                system: shop
                environments:
                  test:
                    hosts:
                      far: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      here: { address: local }
                    services:
                      app: { kind: process, on: [here, far], start: "true", pattern: "%3$s" }
                      gone: { kind: process, on: [here], start: "true", pattern: "no-such-process-%3$s" }
                """.formatted(
                        sshd.port(), key, marker));
    }

    @AfterAll
    static void tearDown() {
        jvm.close();
        sshd.close();
    }

    @Test
    void takesThreadDumpsCpuAndHistogramsLocallyAndOverSshAndJournalsThem() throws Exception {
        CliRun run = CliRun.of(
                env,
                "capture",
                "test",
                "app",
                "--dumps",
                "2",
                "--every",
                "1s",
                "--histogram",
                "--accept-new",
                "--json",
                "-f",
                plan.toString());
        CliRun journal = CliRun.of(env, "journal", "-f", plan.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode captures = new ObjectMapper().readTree(run.out()).path("captures");
        assertThat(captures).hasSize(2);
        for (JsonNode c : captures) {
            assertThat(c.path("pid").asLong()).isEqualTo(jvm.pid());
            assertThat(c.path("threadDumps")).hasSize(2);
            assertThat(c.path("histograms")).hasSize(2);
            Path dump = Path.of(c.path("threadDumps").get(0).asText());
            assertThat(Files.readString(dump))
                    .contains("Full thread dump", "\"worker-1\"", "Contention$Ledger.post", "waiting to lock");
            // whole, to its last line
            assertThat(Files.readString(dump).strip()).containsPattern("JNI global refs.*$");
            assertThat(Files.readString(Path.of(c.path("histograms").get(0).asText())))
                    .contains("#instances", "java.lang.String");
            assertThat(Files.readString(Path.of(c.path("cpu").get(0).asText())))
                    .containsPattern("(?m)^ *PID +USER")
                    .containsPattern("(?m)^ *\\d+ ");
        }
        assertThat(journal.out())
                .contains("capture.taken", "app/here: 2 thread dumps, 2 histograms", "app/far: 2 thread dumps");
    }

    @Test
    void aHeapDumpAndAFlightRecordingComeWholeWhenAskedFor() throws Exception {
        CliRun run = CliRun.of(
                env,
                "capture",
                "test",
                "app/here",
                "--dumps",
                "1",
                "--heap-dump",
                "--jfr",
                "2s",
                "--json",
                "-f",
                plan.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(run.out()).path("captures").get(0);
        assertThat(c.path("recordings")).hasSize(2);
        Path jfr = Path.of(c.path("recordings").get(0).asText());
        Path heap = Path.of(c.path("recordings").get(1).asText());
        assertThat(jfr.getFileName().toString()).endsWith(".jfr");
        byte[] recording = Files.readAllBytes(jfr);
        assertThat(new String(recording, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("FLR");
        assertThat(heap.getFileName().toString()).endsWith("-heap.hprof.gz");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(heap))) {
            assertThat(new String(in.readNBytes(12), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("JAVA PROFILE");
        }
    }

    @Test
    void whatTheCapturesSayComesFirstTheContendedLockWithItsHolder() {
        CliRun run = CliRun.of(
                env, "capture", "test", "app", "--dumps", "2", "--every", "1s", "--accept-new", "-f", plan.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern("ok +app/here +" + jvm.pid())
                .containsPattern("ok +app/far +" + jvm.pid())
                .contains("what the captures say")
                .containsPattern(
                        "  1\\. CRITICAL  \\d+ threads blocked on <0x[0-9a-f]+> \\(a java.lang.Object\\) held by"
                                + " \"worker-\\d\"")
                .contains("Contention$Ledger.post");
    }

    @Test
    void anInstanceWithoutARunningJvmIsAClearFailure() {
        CliRun run = CliRun.of(env, "capture", "test", "gone", "--dumps", "1", "-f", plan.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +gone/here +- +0 +0 +0 +no running JVM to capture");
    }
}
