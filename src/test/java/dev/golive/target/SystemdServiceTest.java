package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Environment;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.SshServer;
import dev.golive.testsupport.SystemdBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd kind against a real systemd: Debian's, booted by the test in its own namespaces, with
 * golive reaching it over SSH and driving its units with {@code systemctl} and {@code journalctl}.
 */
class SystemdServiceTest {
    @TempDir
    static Path shared;

    private static Path key;
    private static int shopPort;
    private static SystemdBox box;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    private Environment env;

    @BeforeAll
    static void boot() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        shopPort = Ports.free();
        Path properties = shared.resolve("shop.properties");
        Files.writeString(
                properties, "address=127.0.0.1\nport=" + shopPort + "\npidFile=" + shared.resolve("shop.pid"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classes = Path.of(SystemdServiceTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        box = SystemdBox.start(
                Files.createDirectories(shared.resolve("box")),
                Map.of(
                        "golive-shop.service",
                        unit(
                                "shop",
                                java + " -Xms32m -Xmx64m -XX:+HeapDumpOnOutOfMemoryError -cp " + classes
                                        + " dev.golive.testsupport.HelloServer " + properties),
                        "golive-worker.service",
                        unit(
                                "worker",
                                "/bin/sh -c 'echo worker started; echo \"ERROR worker lost its queue\"; exec sleep 303'"),
                        "golive-stubborn.service",
                        unit(
                                        "stubborn",
                                        "/bin/sh -c \"trap '' TERM; echo stubborn started; while :; do sleep 1; done\"")
                                + "KillMode=process\n",
                        "golive-broken.service",
                        unit("broken", "/bin/sleep 304")
                                + "ExecStartPre=/bin/sh -c 'echo broken cannot start; exit 3'\n"),
                key);
    }

    private static String unit(String description, String command) {
        return """
                [Unit]
                Description=%s
                DefaultDependencies=no
                [Service]
                ExecStart=%s
                """.formatted(description, command);
    }

    @AfterAll
    static void shutDown() {
        if (box != null) {
            box.close();
        }
    }

    @AfterEach
    void stopUnits() {
        box.systemctlMayFail("kill", "-s", "KILL", "golive-shop", "golive-worker", "golive-stubborn");
        box.systemctlMayFail("reset-failed");
    }

    private void plan() {
        env = TestPlans.environment(planDir, """
                system: shop
                environments:
                  test:
                    hosts:
                      app1: { address: 127.0.0.1, port: %d, key: %s }
                    services:
                      shop: { kind: systemd, on: app1, unit: golive-shop.service, http: %d, health: /health }
                      worker: { kind: systemd, on: app1, unit: golive-worker }
                      stubborn: { kind: systemd, on: app1, unit: golive-stubborn.service }
                      broken: { kind: systemd, on: app1, unit: golive-broken.service }
                      missing: { kind: systemd, on: app1, unit: golive-missing.service }
                """.formatted(box.sshd().port(), key, shopPort));
    }

    private ServiceOutcome one(String action, String spec, ServiceOptions options) {
        List<ServiceOutcome> all = TestPlans.act(env, home, planDir, spec, action, options);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private ServiceOutcome one(String action, String spec) {
        return one(action, spec, ServiceOptions.defaults());
    }

    @Test
    void startsAJavaUnitWaitsForItsHealthAndFindsItsJvmThenStopsIt() {
        plan();

        ServiceOutcome before = one("status", "shop");
        ServiceOutcome started = one("start", "shop");
        long pid = box.mainPid("golive-shop");
        ServiceOutcome status = one("status", "shop");
        ServiceOutcome jvm = one("jvm", "shop");
        ServiceOutcome stopped = one("stop", "shop");

        assertThat(before.ok()).isFalse();
        assertThat(before.detail()).isEqualTo("stopped");
        assertThat(started.ok()).as(started.detail()).isTrue();
        assertThat(pid).isPositive();
        assertThat(started.detail()).startsWith("started PID " + pid).contains("/health answered 200");
        assertThat(status.detail()).isEqualTo("running, PID " + pid);
        assertThat(jvm.ok()).as(jvm.detail()).isTrue();
        assertThat(jvm.jvm().isJava()).isTrue();
        assertThat(jvm.jvm().main()).isEqualTo("dev.golive.testsupport.HelloServer");
        assertThat(jvm.jvm().options()).contains("-Xmx64m", "-XX:+HeapDumpOnOutOfMemoryError");
        assertThat(stopped.ok()).as(stopped.detail()).isTrue();
        assertThat(stopped.detail()).isEqualTo("stopped PID " + pid);
        assertThat(box.systemctl("show", "-p", "ActiveState", "--value", "golive-shop")
                        .strip())
                .isIn("inactive", "failed");
    }

    @Test
    void restartGivesTheUnitANewMainPidAndAStartedUnitIsNotStartedTwice() {
        plan();
        one("start", "worker");
        long first = box.mainPid("golive-worker");

        ServiceOutcome again = one("start", "worker");
        ServiceOutcome restarted = one("restart", "worker");
        long second = box.mainPid("golive-worker");

        assertThat(again.detail()).isEqualTo("already running, PID " + first);
        assertThat(restarted.ok()).as(restarted.detail()).isTrue();
        assertThat(second).isPositive().isNotEqualTo(first);
        assertThat(one("status", "worker").detail()).isEqualTo("running, PID " + second);
    }

    @Test
    void readsTheUnitsLogsFromTheJournalAndRefusesToClearThem() {
        plan();
        one("start", "worker");

        ServiceOutcome tail = one("logs", "worker");
        ServiceOutcome errors = one(
                "logs",
                "worker",
                ServiceOptions.defaults().withErrorsSince(Instant.now().minus(Duration.ofMinutes(5))));
        ServiceOutcome clear = one("clear-logs", "worker");

        assertThat(tail.ok()).as(tail.detail()).isTrue();
        assertThat(tail.output()).contains("worker started").contains("ERROR worker lost its queue");
        assertThat(errors.output()).contains("ERROR worker lost its queue").doesNotContain("worker started");
        assertThat(clear.ok()).isFalse();
        assertThat(clear.detail())
                .contains("the journal cannot be cleared for one unit (golive-worker)")
                .contains("name its log files with logs: in the plan");
    }

    @Test
    void killsAUnitThatIgnoresTermWhenItDoesNotStopInTime() {
        plan();
        ServiceOutcome started = one("start", "stubborn");
        long pid = box.mainPid("golive-stubborn");

        ServiceOutcome stopped =
                one("stop", "stubborn", ServiceOptions.defaults().withStopTimeout(Duration.ofSeconds(2)));

        assertThat(started.ok()).as(started.detail()).isTrue();
        assertThat(stopped.ok()).as(stopped.detail()).isTrue();
        assertThat(stopped.detail()).startsWith("killed after it did not stop within 2 s: PID " + pid);
        assertThat(one("status", "stubborn").detail()).isEqualTo("stopped (failed)");
        assertThat(box.mainPid("golive-stubborn")).isZero();
    }

    @Test
    void killIsAKillAsACrashWouldBe() {
        plan();
        one("start", "worker");
        long pid = box.mainPid("golive-worker");

        ServiceOutcome killed = one("kill", "worker");

        assertThat(killed.ok()).as(killed.detail()).isTrue();
        assertThat(killed.detail()).contains("PID " + pid);
        assertThat(box.systemctl("show", "-p", "Result", "--value", "golive-worker")
                        .strip())
                .isEqualTo("signal");
        assertThat(one("status", "worker").detail()).isEqualTo("stopped (failed)");
    }

    @Test
    void aUnitThatFailsToStartSaysWhyInItsOwnWords() {
        plan();

        ServiceOutcome started =
                one("start", "broken", ServiceOptions.defaults().withHealthDeadline(Duration.ofSeconds(5)));

        assertThat(started.ok()).isFalse();
        assertThat(started.detail())
                .startsWith("starting failed: app1: exit status 1: ")
                .contains("; its log ends: ")
                .contains("broken cannot start");
        assertThat(one("status", "broken").detail()).isEqualTo("stopped (failed)");
    }

    @Test
    void aUnitTheHostDoesNotHaveIsAnErrorNotAStoppedService() {
        plan();

        ServiceOutcome status = one("status", "missing");
        ServiceOutcome started = one("start", "missing");

        assertThat(status.ok()).isFalse();
        assertThat(status.detail())
                .isEqualTo(
                        "missing/app1: finding out whether it runs failed: app1: exit status 1: no unit golive-missing.service on this host");
        assertThat(started.ok()).isFalse();
        assertThat(started.detail()).isEqualTo(status.detail());
    }
}
