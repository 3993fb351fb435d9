package dev.golive.target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How golive reaches hosts over SSH. Every file it reads is derived from {@code home} and {@code
 * planDirectory}, so tests and unusual set-ups can point it elsewhere.
 *
 * @param home the directory whose {@code .ssh/} holds config, known_hosts and default keys
 * @param planDirectory the plan's directory: relative key paths start there, and {@code
 *     .golive/known_hosts} in it is the plan's own known_hosts
 * @param hostKeys what to do with an unknown host key
 * @param passphrases passphrases of protected keys
 * @param agentSocket the ssh-agent socket, or null for none
 * @param localUser the login user when neither the plan nor ssh config names one
 * @param connectTimeout how long connecting and logging in to one host may take
 * @param parallelism how many hosts a command runs on at once
 */
public record SshSettings(
        Path home,
        Path planDirectory,
        HostKeyPolicy hostKeys,
        Passphrases passphrases,
        Path agentSocket,
        String localUser,
        Duration connectTimeout,
        int parallelism) {
    public static final int DEFAULT_PARALLELISM = 20;

    public SshSettings {
        if (home == null || planDirectory == null || hostKeys == null || passphrases == null) {
            throw new IllegalArgumentException("home, planDirectory, hostKeys and passphrases are required");
        }
        if (localUser == null || localUser.isBlank()) {
            throw new IllegalArgumentException("localUser is required");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    /** The user's own SSH set-up: {@code ~/.ssh}, {@code $SSH_AUTH_SOCK}, {@code $GOLIVE_SSH_PASSPHRASE}. */
    public static SshSettings forPlan(Path planDirectory) {
        Map<String, String> env = System.getenv();
        String agent = env.get("SSH_AUTH_SOCK");
        return new SshSettings(
                Path.of(System.getProperty("user.home")),
                planDirectory,
                HostKeyPolicy.STRICT,
                Passphrases.fromEnvironment(env),
                agent == null || agent.isBlank() ? null : Path.of(agent),
                System.getProperty("user.name"),
                Duration.ofSeconds(15),
                DEFAULT_PARALLELISM);
    }

    public SshSettings withHostKeys(HostKeyPolicy policy) {
        return new SshSettings(
                home, planDirectory, policy, passphrases, agentSocket, localUser, connectTimeout, parallelism);
    }

    public SshSettings withPassphrases(Passphrases source) {
        return new SshSettings(
                home, planDirectory, hostKeys, source, agentSocket, localUser, connectTimeout, parallelism);
    }

    public SshSettings withAgentSocket(Path socket) {
        return new SshSettings(
                home, planDirectory, hostKeys, passphrases, socket, localUser, connectTimeout, parallelism);
    }

    public SshSettings withConnectTimeout(Duration timeout) {
        return new SshSettings(
                home, planDirectory, hostKeys, passphrases, agentSocket, localUser, timeout, parallelism);
    }

    public SshSettings withParallelism(int hosts) {
        return new SshSettings(
                home, planDirectory, hostKeys, passphrases, agentSocket, localUser, connectTimeout, hosts);
    }

    /** {@code ~/.ssh/config}: HostName, User, Port, IdentityFile and ProxyJump are honoured. */
    public Path sshConfig() {
        return home.resolve(".ssh/config");
    }

    /** {@code ~/.ssh/known_hosts}: read, never written. */
    public Path userKnownHosts() {
        return home.resolve(".ssh/known_hosts");
    }

    /** {@code .golive/known_hosts} beside the plan: read, and written by {@link HostKeyPolicy#ACCEPT_NEW}. */
    public Path planKnownHosts() {
        return planDirectory.resolve(".golive/known_hosts");
    }

    /** The keys tried when neither the plan nor ssh config names one, in OpenSSH's order. */
    public List<Path> defaultKeys() {
        return List.of("id_ed25519", "id_ecdsa", "id_rsa").stream()
                .map(name -> home.resolve(".ssh").resolve(name))
                .toList();
    }
}
