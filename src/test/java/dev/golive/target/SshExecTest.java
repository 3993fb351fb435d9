package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.golive.plan.Host;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SshExecTest {
    // sudo is not installed on the test machines; this stand-in accepts only the exact form golive
    // sends and switches user with runuser, so the quoting goes through a real login shell, sudo's
    // argument order and a real second bash as another user.
    private static final String SUDO_STAND_IN = """
            #!/bin/bash
            if [ "$1" != -n ] || [ "$2" != -u ] || [ "$4" != -- ]; then
              echo "sudo stand-in: unexpected arguments: $*" >&2
              exit 99
            fi
            user=$3
            shift 4
            exec /usr/sbin/runuser -u "$user" -- "$@"
            """;

    @TempDir
    static Path shared;

    private static Path key;
    private static SshServer slow;
    private static SshServer fast;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @BeforeAll
    static void startServers() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        Path bin = Files.createDirectories(shared.resolve("bin"));
        Files.writeString(bin.resolve("sudo"), SUDO_STAND_IN);
        Files.setPosixFilePermissions(bin.resolve("sudo"), PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> path = List.of("SetEnv PATH=" + bin + ":/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        slow = SshServer.start(Files.createDirectories(shared.resolve("a")), List.of(pub(key)), path);
        fast = SshServer.start(Files.createDirectories(shared.resolve("b")), List.of(pub(key)), List.of());
    }

    @AfterAll
    static void stopServers() {
        slow.close();
        fast.close();
    }

    private static Path pub(Path privateKey) {
        return Path.of(privateKey + ".pub");
    }

    private Hosts hosts(OutputListener listener, Host... hosts) {
        Map<String, Host> byName = new LinkedHashMap<>();
        for (Host host : hosts) {
            byName.put(host.name(), host);
        }
        return new Hosts(byName, Settings.trusting(home, planDir), listener);
    }

    @Test
    void runsACommandAndKeepsItsOutputExitStatusAndLines() {
        Lines lines = new Lines();
        try (Hosts hosts = hosts(lines, TestHosts.ssh("was1", slow.port(), key))) {
            Result result = hosts.target("was1").run(Command.of("echo out; echo err >&2; printf 'no end'; exit 3"));

            assertThat(result.failure()).isNull();
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.ok()).isFalse();
            assertThat(result.stdout()).isEqualTo("out\nno end");
            assertThat(result.stderr()).isEqualTo("err\n");
            assertThat(lines.all()).containsExactlyInAnyOrder("was1 | out", "was1 ! err", "was1 | no end");
            assertThat(result.summary()).isEqualTo("was1: exit status 3: err");
        }
    }

    @Test
    void givesTheCommandItsInputAndThenEndOfInput() {
        try (Hosts hosts = hosts(OutputListener.NONE, TestHosts.ssh("was1", slow.port(), key))) {
            Result withInput = hosts.target("was1").run(Command.of("tr a-z A-Z").withInput("hello\n"));
            Result withoutInput = hosts.target("was1").run(Command.of("cat; echo read all"));

            assertThat(withInput.stdout()).isEqualTo("HELLO\n");
            assertThat(withoutInput.stdout()).isEqualTo("read all\n");
        }
    }

    @Test
    void theUsersBashrcIsReadOnceByTheLoginShellAsWithOpenSsh() throws Exception {
        // The login's HOME points at a directory of the test's, whose .bashrc counts its readings.
        Path login = Files.createDirectories(home.resolve("login"));
        Path readings = login.resolve("readings");
        Files.writeString(login.resolve(".bashrc"), "echo read >> " + readings + "\n");
        try (SshServer server = SshServer.start(
                        Files.createDirectories(home.resolve("sshd")),
                        List.of(pub(key)),
                        List.of("SetEnv HOME=" + login));
                Hosts hosts = hosts(OutputListener.NONE, TestHosts.ssh("was1", server.port(), key))) {
            Result result = hosts.target("was1").run(Command.of("echo \"$HOME\""));

            assertThat(result.stdout()).isEqualTo(login + "\n");
            assertThat(Files.readAllLines(readings))
                    .as("the login shell reads ~/.bashrc; the bash that runs the script must not read it again")
                    .containsExactly("read");
        }
    }

    @Test
    void reusesOneSessionPerHostWithinARun() {
        try (Hosts hosts = hosts(OutputListener.NONE, TestHosts.ssh("was1", slow.port(), key))) {
            // SSH_CONNECTION holds the client's port: the same port means the same TCP connection.
            String first =
                    hosts.target("was1").run(Command.of("echo $SSH_CONNECTION")).stdout();
            String second =
                    hosts.target("was1").run(Command.of("echo $SSH_CONNECTION")).stdout();

            assertThat(first).isNotBlank().isEqualTo(second);
        }
    }

    @Test
    @Timeout(60)
    void aHangingCommandTimesOutAndIsKilledWithoutHoldingUpTheOtherHosts() throws Exception {
        Path pidFile = shared.resolve("sleep.pid");
        Files.deleteIfExists(pidFile);
        int closed = Ports.closed();
        Host[] all = {
            TestHosts.ssh("slow", slow.port(), key),
            TestHosts.ssh("fast", fast.port(), key),
            TestHosts.local("here"),
            TestHosts.ssh("dead", closed, key)
        };
        String script = "case \"$SSH_CONNECTION\" in *\" " + slow.port() + "\") sleep 60 & echo $! > " + pidFile
                + "; wait;; esac; echo done";

        List<Result> results;
        try (Hosts hosts = hosts(OutputListener.NONE, all)) {
            results = hosts.runAll(List.of(all), Command.of(script).withTimeout(Duration.ofSeconds(1)));
        }

        assertThat(results).extracting(Result::host).containsExactly("slow", "fast", "here", "dead");
        assertThat(results.get(0).timedOut()).isTrue();
        assertThat(results.get(0).failure())
                .isEqualTo("slow (127.0.0.1:" + slow.port() + "): timed out after 1 s; the command was stopped");
        assertThat(results.get(1).ok()).isTrue();
        assertThat(results.get(1).stdout()).isEqualTo("done\n");
        assertThat(results.get(2).ok()).isTrue();
        assertThat(results.get(3).failure()).startsWith("dead (127.0.0.1:" + closed + "): connection refused");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
    }

    @Test
    void aDeadHostGivesAOneLineReasonNamingHostAndAddress() throws Exception {
        int closed = Ports.closed();
        try (Hosts hosts = hosts(OutputListener.NONE, TestHosts.ssh("was2", closed, key))) {
            Result result = hosts.target("was2").run(Command.of("true"));

            assertThat(result.ok()).isFalse();
            assertThat(result.exitStatus()).isEqualTo(Result.NO_STATUS);
            assertThat(result.failure())
                    .isEqualTo("was2 (127.0.0.1:" + closed + "): connection refused; check that sshd runs there and"
                            + " that the address and port are right")
                    .doesNotContain("\n");
        }
    }

    @Test
    void aRefusedLoginNamesTheUserAndTheKeysTried() {
        Path stranger = SshServer.generateKey(home.resolve("stranger"), "");
        try (Hosts hosts = hosts(OutputListener.NONE, TestHosts.ssh("was1", slow.port(), stranger))) {
            Result result = hosts.target("was1").run(Command.of("true"));

            assertThat(result.failure())
                    .startsWith("was1 (127.0.0.1:" + slow.port() + "): login as " + SshServer.user() + " refused")
                    .contains(stranger.toString())
                    .contains("authorized_keys");
        }
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = home.resolve("no-such-key");
        try (Hosts hosts = hosts(OutputListener.NONE, TestHosts.ssh("was1", slow.port(), missing))) {
            Result result = hosts.target("was1").run(Command.of("true"));

            assertThat(result.failure())
                    .isEqualTo("was1 (127.0.0.1:" + slow.port() + "): key file " + missing + " does not exist; fix"
                            + " key: in the plan or IdentityFile in " + home.resolve(".ssh/config"));
        }
    }

    @Test
    void runsAsTheHostsSudoUserWithTheScriptIntact() {
        String script = "printf '%s|' \"$(id -un)\" \"it's\" '\"dq\"' '$HOME' 'back\\slash' \"$((1 + 2))\"";
        Host was1 = TestHosts.sudo(TestHosts.ssh("was1", slow.port(), key), "nobody");
        try (Hosts hosts = hosts(OutputListener.NONE, was1)) {
            Result asNobody = hosts.target("was1").run(Command.of(script));
            Result asDaemon = hosts.target("was1").run(Command.of(script).asUser("daemon"));

            assertThat(asNobody.stderr()).isEmpty();
            assertThat(asNobody.stdout()).isEqualTo("nobody|it's|\"dq\"|$HOME|back\\slash|3|");
            assertThat(asDaemon.stdout()).startsWith("daemon|it's|");
        }
    }
}
