package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.plan.Environment;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process and command kinds, on two hosts over SSH and on this machine. */
class ProcessServiceTest {
    @TempDir
    static Path shared;

    private static Path key;
    private static SshServer sshd;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @TempDir
    Path work;

    private Environment env;

    @BeforeAll
    static void startServer() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        sshd = SshServer.start(Files.createDirectories(shared.resolve("sshd")), Path.of(key + ".pub"));
    }

    @AfterAll
    static void stopServer() {
        sshd.close();
    }

    @AfterEach
    void stopEverything() {
        if (env != null) {
            for (String service : List.of("sleeper", "stubborn", "found")) {
                run("kill", service, ServiceOptions.defaults());
            }
        }
    }

    private void plan() {
        env = TestPlans.environment(planDir, """
                system: shop
                environments:
                  test:
                    hosts:
                      here: { address: local }
                      app1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                    services:
                      sleeper:
                        kind: process
                        on: app1
                        start: "exec sleep 301"
                        pidFile: %3$s/sleeper.pid
                        logs: %3$s/logs
                      stubborn:
                        kind: process
                        on: app1
                        start: "trap '' TERM; while true; do sleep 1; done"
                        pattern: "while true; do sleep 1; done"
                      found:
                        kind: process
                        on: here
                        start: "exec sleep 302"
                        pattern: "^sleep 302$"
                      batch:
                        kind: command
                        on: app1
                        start: "touch %3$s/batch.running"
                        stop: "rm -f %3$s/batch.running"
                        status: "test -f %3$s/batch.running && echo batch is running"
                      db: { kind: jdbc, url: "jdbc:postgresql://127.0.0.1:1/none" }
                """.formatted(sshd.port(), key, work));
    }

    private List<ServiceOutcome> run(String action, String spec, ServiceOptions options) {
        return TestPlans.act(env, home, planDir, spec, action, options);
    }

    private ServiceOutcome one(String action, String spec) {
        List<ServiceOutcome> all = run(action, spec, ServiceOptions.defaults());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void startsAProcessAndFindsItByItsPidFile() throws Exception {
        plan();
        Files.createDirectories(work.resolve("logs"));

        ServiceOutcome started = one("start", "sleeper");
        ServiceOutcome again = one("start", "sleeper");
        ServiceOutcome status = one("status", "sleeper");
        ServiceOutcome stopped = one("stop", "sleeper");
        ServiceOutcome after = one("stop", "sleeper");

        long pid = Long.parseLong(Files.readString(work.resolve("sleeper.pid")).strip());
        assertThat(started.detail()).isEqualTo("started PID " + pid);
        assertThat(again.detail()).isEqualTo("already running, PID " + pid);
        assertThat(status.detail()).isEqualTo("running, PID " + pid);
        assertThat(stopped.detail()).isEqualTo("stopped PID " + pid);
        assertThat(after.detail()).isEqualTo("already stopped");
        assertThat(Files.exists(work.resolve("logs/sleeper.out"))).isTrue();
    }

    @Test
    void startedAgainAfterAStopItIsFoundByItsNewPidNotTheOneLeftInThePidFile() throws Exception {
        plan();
        Files.createDirectories(work.resolve("logs"));
        one("start", "sleeper");
        long first =
                Long.parseLong(Files.readString(work.resolve("sleeper.pid")).strip());
        one("stop", "sleeper");

        ServiceOutcome again = one("start", "sleeper");
        ServiceOutcome status = one("status", "sleeper");

        long second =
                Long.parseLong(Files.readString(work.resolve("sleeper.pid")).strip());
        assertThat(second).isNotEqualTo(first);
        assertThat(again.ok()).as(again.detail()).isTrue();
        assertThat(again.detail()).isEqualTo("started PID " + second);
        assertThat(status.detail()).isEqualTo("running, PID " + second);
    }

    @Test
    void findsAProcessByItsPatternButNeverTheShellThatLooksForIt() {
        plan();

        ServiceOutcome before = one("status", "found");
        ServiceOutcome started = one("start", "found");
        ServiceOutcome after = one("status", "found");

        assertThat(before.ok()).isFalse();
        assertThat(before.detail()).isEqualTo("stopped");
        assertThat(started.ok()).as(started.detail()).isTrue();
        assertThat(after.pids()).hasSize(1);
        assertThat(ProcessHandle.of(after.pids().get(0))
                        .orElseThrow()
                        .info()
                        .commandLine()
                        .orElse(""))
                .contains("sleep 302");
    }

    @Test
    void killsAProcessThatIgnoresTerm() {
        plan();
        ServiceOutcome started = one("start", "stubborn");
        assertThat(started.ok()).as(started.detail()).isTrue();

        List<ServiceOutcome> stopped =
                run("stop", "stubborn", ServiceOptions.defaults().withStopTimeout(Duration.ofSeconds(2)));

        assertThat(stopped.get(0).ok()).as(stopped.get(0).detail()).isTrue();
        assertThat(stopped.get(0).detail()).startsWith("killed after it did not stop within 2 s: PID");
        assertThat(one("status", "stubborn").detail()).isEqualTo("stopped");
    }

    @Test
    void drivesACommandServiceWithItsOwnScripts() {
        plan();

        ServiceOutcome before = one("status", "batch");
        ServiceOutcome started = one("start", "batch");
        ServiceOutcome running = one("status", "batch");
        ServiceOutcome stopped = one("stop", "batch");
        ServiceOutcome jvm = one("jvm", "batch");

        assertThat(before.detail()).isEqualTo("stopped");
        assertThat(started.detail()).isEqualTo("started it");
        assertThat(running.detail()).isEqualTo("running (batch is running)");
        assertThat(stopped.detail()).isEqualTo("stopped it");
        assertThat(jvm.ok()).isFalse();
        assertThat(jvm.detail()).isEqualTo("stopped");
    }

    @Test
    void saysWhatToDoWhenAProcessHasNoLogs() {
        plan();

        ServiceOutcome logs = one("logs", "found");

        assertThat(logs.ok()).isFalse();
        assertThat(logs.detail())
                .isEqualTo("reading the logs failed: here: exit status 1: service found names no logs: in the plan");
    }

    @Test
    void refusesActionsThatDoNotApplyAndNamesTheChoices() {
        plan();
        try (Hosts hosts = new Hosts(env.hosts(), Settings.trusting(home, planDir), OutputListener.NONE)) {
            Services services = new Services(env, hosts);

            assertThatThrownBy(() -> services.select("nope"))
                    .hasMessage("no service 'nope' in test; its services are [sleeper, stubborn, found, batch, db]");
            assertThatThrownBy(() -> services.select("sleeper/app9"))
                    .hasMessage("service sleeper does not run on 'app9' in test; its instances are [sleeper/app1]");
            assertThatThrownBy(() -> services.run(services.select("db"), ServiceAction.STOP, ServiceOptions.defaults()))
                    .hasMessage("db is a jdbc service, reached by address: only status and health apply to it");
            ServiceOutcome db = services.run(services.select("db"), ServiceAction.STATUS, ServiceOptions.defaults())
                    .get(0);
            assertThat(db.ok()).isFalse();
            assertThat(db.detail()).startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/none: ");
        }
    }
}
