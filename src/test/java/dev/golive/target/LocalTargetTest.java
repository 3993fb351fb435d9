package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LocalTargetTest {
    @TempDir
    Path dir;

    private Result run(Command command, Lines lines) {
        try (Hosts hosts = new Hosts(Map.of("here", TestHosts.local("here")), Settings.trusting(dir, dir), lines)) {
            return hosts.target("here").run(command);
        }
    }

    @Test
    void runsBashAndKeepsOutputExitStatusAndLines() {
        Lines lines = new Lines();

        Result result = run(Command.of("echo out; echo err >&2; [[ 1 == 1 ]] && exit 4"), lines);

        assertThat(result.exitStatus()).isEqualTo(4);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.failure()).isNull();
        assertThat(lines.all()).containsExactlyInAnyOrder("here | out", "here ! err");
    }

    @Test
    void givesTheCommandItsInputAndThenEndOfInput() {
        assertThat(run(Command.of("rev").withInput("abc\n"), new Lines()).stdout())
                .isEqualTo("cba\n");
        assertThat(run(Command.of("cat; echo eof"), new Lines()).stdout()).isEqualTo("eof\n");
    }

    @Test
    @Timeout(30)
    void stopsACommandAtItsTimeoutWithEverythingItStarted() throws Exception {
        Path pidFile = dir.resolve("child.pid");

        Result result = run(
                Command.of("sleep 60 & echo $! > " + pidFile + "; echo started; wait")
                        .withTimeout(Duration.ofSeconds(1)),
                new Lines());

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitStatus()).isEqualTo(Result.NO_STATUS);
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.failure()).isEqualTo("here (local): timed out after 1 s; the command was stopped");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
    }

    @Test
    @Timeout(30)
    void aDaemonThatKeepsTheOutputOpenDoesNotHoldTheCommand() {
        Result result = run(Command.of("sleep 20 & echo started"), new Lines());

        assertThat(result.ok()).isTrue();
        assertThat(result.stdout()).isEqualTo("started\n");
    }
}
