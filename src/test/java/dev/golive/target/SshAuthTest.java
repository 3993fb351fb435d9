package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Host;
import dev.golive.testsupport.SshAgent;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshAuthTest {
    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    static Path shared;

    private static Path plainKey;
    private static Path protectedKey;
    private static Path agentKey;
    private static SshServer server;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @BeforeAll
    static void startServer() throws Exception {
        plainKey = SshServer.generateKey(shared.resolve("plain"), "");
        protectedKey = SshServer.generateKey(shared.resolve("protected"), PASSPHRASE);
        agentKey = SshServer.generateKey(shared.resolve("in-agent"), "");
        List<Path> authorized = List.of(plainKey, protectedKey, agentKey).stream()
                .map(key -> Path.of(key + ".pub"))
                .toList();
        server = SshServer.start(Files.createDirectories(shared.resolve("sshd")), authorized, List.of());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private Result run(SshSettings settings, Host host) {
        try (Hosts hosts = new Hosts(Map.of(host.name(), host), settings, OutputListener.NONE)) {
            return hosts.target(host.name()).run(Command.of("echo in"));
        }
    }

    private SshSettings settings() {
        return Settings.trusting(home, planDir);
    }

    @Test
    void opensAPassphraseProtectedKeyWithThePassphraseGiven() {
        SshSettings settings = settings().withPassphrases(key -> Optional.of(PASSPHRASE));

        Result result = run(settings, TestHosts.ssh("was1", server.port(), protectedKey));

        assertThat(result.failure()).isNull();
        assertThat(result.stdout()).isEqualTo("in\n");
    }

    @Test
    void readsThePassphraseFromTheEnvironmentVariable() {
        SshSettings settings =
                settings().withPassphrases(Passphrases.fromEnvironment(Map.of("GOLIVE_SSH_PASSPHRASE", PASSPHRASE)));

        assertThat(run(settings, TestHosts.ssh("was1", server.port(), protectedKey))
                        .ok())
                .isTrue();
    }

    @Test
    void saysHowToGiveAPassphraseWhenNoneWasGiven() {
        Result result = run(settings(), TestHosts.ssh("was1", server.port(), protectedKey));

        assertThat(result.failure())
                .isEqualTo("was1 (127.0.0.1:" + server.port() + "): key " + protectedKey + " is protected by a"
                        + " passphrase and none was given; set GOLIVE_SSH_PASSPHRASE or add the key to ssh-agent");
    }

    @Test
    void aWrongPassphraseIsReportedWithoutShowingIt() {
        SshSettings settings = settings().withPassphrases(key -> Optional.of("wrong horse"));

        Result result = run(settings, TestHosts.ssh("was1", server.port(), protectedKey));

        assertThat(result.failure())
                .contains("key " + protectedKey + ": the passphrase is wrong")
                .doesNotContain("wrong horse");
    }

    @Test
    void usesTheDefaultKeyInHomeWhenThePlanNamesNone() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(plainKey, home.resolve(".ssh/id_ed25519"));

        Result result = run(settings(), TestHosts.ssh("was1", server.port(), null));

        assertThat(result.stdout()).isEqualTo("in\n");
    }

    @Test
    void skipsAProtectedDefaultKeyAndSaysSoWhenTheLoginIsRefused() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(protectedKey, home.resolve(".ssh/id_ed25519"));

        Result result = run(settings(), TestHosts.ssh("was1", server.port(), null));

        assertThat(result.failure())
                .contains("login as " + SshServer.user() + " refused; tried no key files (skipped: ")
                .contains(home.resolve(".ssh/id_ed25519") + " is protected by a passphrase");
    }

    @Test
    void logsInWithAKeyHeldBySshAgent(@TempDir Path agentDir) {
        try (SshAgent agent = SshAgent.start(agentDir.resolve("agent.sock"))) {
            agent.add(agentKey);

            Result result = run(settings().withAgentSocket(agent.socket()), TestHosts.ssh("was1", server.port(), null));

            assertThat(result.failure()).isNull();
            assertThat(result.stdout()).isEqualTo("in\n");
        }
    }

    @Test
    void takesHostNamePortUserAndIdentityFileFromSshConfig() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), """
                Host was-*.shop
                  HostName 127.0.0.1
                  Port %d
                  User %s
                  IdentityFile %s
                """.formatted(server.port(), SshServer.user(), plainKey));
        // Without the User line the login would be tried as this user, and refused.
        SshSettings settings = new SshSettings(
                home,
                planDir,
                HostKeyPolicy.ACCEPT_NEW,
                Passphrases.none(),
                null,
                "nobody-here",
                Duration.ofSeconds(10),
                20);

        Result result = run(settings, TestHosts.at("was1", "was-1.shop", 22));

        assertThat(result.failure()).isNull();
        assertThat(result.stdout()).isEqualTo("in\n");
        assertThat(Files.readString(planDir.resolve(".golive/known_hosts"))).startsWith("[127.0.0.1]:" + server.port());
    }
}
