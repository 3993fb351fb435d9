package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.golive.plan.Host;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyTest {
    @TempDir
    static Path shared;

    private static Path key;
    private static SshServer server;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @BeforeAll
    static void startServer() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        server = SshServer.start(Files.createDirectories(shared.resolve("sshd")), Path.of(key + ".pub"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private Result runOnce(SshServer on, HostKeyPolicy policy) {
        Host was1 = TestHosts.ssh("was1", on.port(), key);
        try (Hosts hosts = new Hosts(Map.of("was1", was1), Settings.of(home, planDir, policy), OutputListener.NONE)) {
            return hosts.target("was1").run(Command.of("echo reached"));
        }
    }

    /** {@code ssh-ed25519 AAAA...} without the comment. */
    private static String hostKeyOf(SshServer on) throws Exception {
        String[] fields = Files.readString(on.hostPublicKey()).split("\\s+");
        return fields[0] + " " + fields[1];
    }

    private Path planKnownHosts() {
        return planDir.resolve(".golive/known_hosts");
    }

    private Path userKnownHosts() throws Exception {
        return Files.createDirectories(home.resolve(".ssh")).resolve("known_hosts");
    }

    @Test
    void refusesAnUnknownHostKeyAndShowsItsFingerprint() {
        Result result = runOnce(server, HostKeyPolicy.STRICT);

        assertThat(result.ok()).isFalse();
        assertThat(result.failure())
                .startsWith("was1 (127.0.0.1:" + server.port() + "): unknown host key ")
                .contains(server.hostKeyFingerprint())
                .contains("run again with --accept-new")
                .doesNotContain("\n");
        assertThat(planKnownHosts()).doesNotExist();
    }

    @Test
    void acceptNewWritesTheKeyToThePlansKnownHostsAndTheNextRunTrustsIt() throws Exception {
        Result first = runOnce(server, HostKeyPolicy.ACCEPT_NEW);
        Result second = runOnce(server, HostKeyPolicy.STRICT);

        assertThat(first.stdout()).isEqualTo("reached\n");
        assertThat(second.stdout()).isEqualTo("reached\n");
        assertThat(Files.readAllLines(planKnownHosts()))
                .singleElement(STRING)
                .isEqualTo("[127.0.0.1]:" + server.port() + " " + hostKeyOf(server));
    }

    @Test
    void refusesAChangedHostKeyEvenWithAcceptNew(@TempDir Path own) {
        try (SshServer changing = SshServer.start(own, Path.of(key + ".pub"))) {
            assertThat(runOnce(changing, HostKeyPolicy.ACCEPT_NEW).ok()).isTrue();
            changing.restartWithNewHostKey();

            Result result = runOnce(changing, HostKeyPolicy.ACCEPT_NEW);

            assertThat(result.ok()).isFalse();
            assertThat(result.failure())
                    .startsWith("was1 (127.0.0.1:" + changing.port() + "): the host key changed: the host shows"
                            + " ssh-ed25519 " + changing.hostKeyFingerprint())
                    .contains("line 1 of " + planKnownHosts())
                    .endsWith("If the change is expected, remove line 1 from " + planKnownHosts()
                            + " and run again with --accept-new");
            assertThat(planKnownHosts()).content().hasLineCount(1);
        }
    }

    @Test
    void readsOpenSshKnownHostsWithBracketedAndHashedNames() throws Exception {
        Path knownHosts = userKnownHosts();
        String scanned = server.scanHostKey("ed25519");
        Files.writeString(knownHosts, "# written by ssh-keyscan\n\nnot a known_hosts line\n" + scanned + "\n");
        Result bracketed = runOnce(server, HostKeyPolicy.STRICT);
        Files.writeString(knownHosts, scanned + "\n");
        SshServer.hashKnownHosts(knownHosts);
        Result hashed = runOnce(server, HostKeyPolicy.STRICT);

        assertThat(scanned).startsWith("[127.0.0.1]:" + server.port() + " ");
        assertThat(bracketed.stdout()).isEqualTo("reached\n");
        assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");
        assertThat(hashed.stdout()).isEqualTo("reached\n");
        assertThat(planKnownHosts()).doesNotExist();
    }

    @Test
    void asksForTheKeyTypeKnownHostsHasWhenTheServerHasSeveral(@TempDir Path own) throws Exception {
        // MINA asks for ECDSA first; only ED25519 is known, so taking the ECDSA key would look like
        // a changed key.
        Path ecdsa = SshServer.generateKey(own.resolve("host_ecdsa_key"), "ecdsa", "");
        Path dir = Files.createDirectories(own.resolve("sshd"));
        try (SshServer twoKeys = SshServer.start(dir, List.of(Path.of(key + ".pub")), List.of("HostKey " + ecdsa))) {
            Files.writeString(userKnownHosts(), twoKeys.scanHostKey("ed25519") + "\n");

            Result result = runOnce(twoKeys, HostKeyPolicy.STRICT);

            assertThat(result.failure()).isNull();
            assertThat(result.stdout()).isEqualTo("reached\n");
        }
    }

    @Test
    void refusesARevokedKey() throws Exception {
        String scanned = server.scanHostKey("ed25519");
        Files.writeString(userKnownHosts(), "@revoked " + scanned + "\n" + scanned + "\n");

        Result result = runOnce(server, HostKeyPolicy.ACCEPT_NEW);

        assertThat(result.failure()).contains("is marked @revoked in line 1 of " + userKnownHosts());
    }
}
