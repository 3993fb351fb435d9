package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Host;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sshd servers; the hosts on the second are reached through the first. */
class JumpHostTest {
    @TempDir
    static Path shared;

    private static Path key;
    private static SshServer bastion;
    private static SshServer inner;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @BeforeAll
    static void startServers() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        bastion = SshServer.start(Files.createDirectories(shared.resolve("bastion")), Path.of(key + ".pub"));
        inner = SshServer.start(Files.createDirectories(shared.resolve("inner")), Path.of(key + ".pub"));
    }

    @AfterAll
    static void stopServers() {
        bastion.close();
        inner.close();
    }

    private Hosts hosts(Host... all) {
        Map<String, Host> byName = new LinkedHashMap<>();
        for (Host host : all) {
            byName.put(host.name(), host);
        }
        return new Hosts(byName, Settings.trusting(home, planDir), OutputListener.NONE);
    }

    /** sshd logs each direct-tcpip request: the proof that a connection went through it. */
    private static long forwardsTo(SshServer through, SshServer target) {
        return through.log()
                .lines()
                .filter(line -> line.contains("server_request_direct_tcpip")
                        && line.endsWith("target 127.0.0.1 port " + target.port()))
                .count();
    }

    private static long logins(SshServer server) {
        return server.log()
                .lines()
                .filter(line -> line.contains("Accepted publickey"))
                .count();
    }

    @Test
    void reachesAHostThroughItsJumpHostAndSharesTheJumpSession() {
        Host jump = TestHosts.ssh("bastion", bastion.port(), key);
        Host was1 = TestHosts.via(TestHosts.ssh("was1", inner.port(), key), "bastion");
        Host was2 = TestHosts.via(TestHosts.ssh("was2", inner.port(), key), "bastion");
        long forwardsBefore = forwardsTo(bastion, inner);
        long loginsBefore = logins(bastion);

        List<Result> results;
        try (Hosts hosts = hosts(jump, was1, was2)) {
            results = hosts.runAll(List.of(was1, was2), Command.of("echo behind"));
        }

        assertThat(results).allSatisfy(result -> assertThat(result.stdout()).isEqualTo("behind\n"));
        assertThat(forwardsTo(bastion, inner) - forwardsBefore).isEqualTo(2);
        assertThat(logins(bastion) - loginsBefore).isEqualTo(1);
    }

    @Test
    void chainsJumpHosts() {
        Host first = TestHosts.ssh("first", bastion.port(), key);
        Host second = TestHosts.via(TestHosts.ssh("second", inner.port(), key), "first");
        Host last = TestHosts.via(TestHosts.ssh("last", bastion.port(), key), "second");
        long intoSecond = forwardsTo(bastion, inner);
        long intoLast = forwardsTo(inner, bastion);

        Result result;
        try (Hosts hosts = hosts(first, second, last)) {
            result = hosts.target("last").run(Command.of("echo at the end"));
        }

        assertThat(result.stdout()).isEqualTo("at the end\n");
        assertThat(forwardsTo(bastion, inner) - intoSecond).isEqualTo(1);
        assertThat(forwardsTo(inner, bastion) - intoLast).isEqualTo(1);
    }

    @Test
    void followsProxyJumpFromSshConfig() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(
                home.resolve(".ssh/config"), """
                Host behind
                  HostName 127.0.0.1
                  Port %d
                  ProxyJump %s@127.0.0.1:%d

                Host *
                  IdentityFile %s
                """.formatted(inner.port(), SshServer.user(), bastion.port(), key));
        long before = forwardsTo(bastion, inner);

        Result result;
        try (Hosts hosts = hosts(TestHosts.at("app", "behind", 22))) {
            result = hosts.target("app").run(Command.of("echo via config"));
        }

        assertThat(result.failure()).isNull();
        assertThat(result.stdout()).isEqualTo("via config\n");
        assertThat(forwardsTo(bastion, inner) - before).isEqualTo(1);
    }

    @Test
    void aDeadJumpHostIsNamedInTheFailureOfTheHostBehindIt() throws Exception {
        int closed = Ports.closed();
        Host jump = TestHosts.ssh("bastion", closed, key);
        Host was1 = TestHosts.via(TestHosts.ssh("was1", inner.port(), key), "bastion");

        Result result;
        try (Hosts hosts = hosts(jump, was1)) {
            result = hosts.target("was1").run(Command.of("true"));
        }

        assertThat(result.failure())
                .startsWith("was1 (127.0.0.1:" + inner.port() + "): through jump host bastion (127.0.0.1:" + closed
                        + "): connection refused");
    }

    @Test
    void aLoopOfJumpHostsIsRefusedWithTheLoop() {
        Host a = TestHosts.via(TestHosts.ssh("a", bastion.port(), key), "b");
        Host b = TestHosts.via(TestHosts.ssh("b", inner.port(), key), "a");

        Result result;
        try (Hosts hosts = hosts(a, b)) {
            result = hosts.target("a").run(Command.of("true"));
        }

        assertThat(result.failure()).isEqualTo("a: the jump hosts form a loop (a -> b -> a); fix via: in the plan");
    }

    @Test
    void anUnknownJumpHostIsNamedWithTheHostsThereAre() {
        Host was1 = TestHosts.via(TestHosts.ssh("was1", inner.port(), key), "bastoin");

        Result result;
        try (Hosts hosts = hosts(was1)) {
            result = hosts.target("was1").run(Command.of("true"));
        }

        assertThat(result.failure())
                .isEqualTo("was1 (127.0.0.1): its jump host 'bastoin' is not a host of this environment; known"
                        + " hosts: [was1]");
    }
}
