package dev.golive.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenSSH server from the Debian package, private to a test: its own host key, config and
 * authorized_keys in a temporary directory, listening on 127.0.0.1 and a free port, accepting the
 * given public keys for the user running the tests. Started with the absolute path of sshd, as
 * sshd requires for re-executing itself.
 */
public final class SshServer implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");

    private static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path KEYSCAN = Path.of("/usr/bin/ssh-keyscan");
    private static final String INSTALL_HINT =
            "OpenSSH not found at %s: apt-get install openssh-server openssh-client (test.sh installs them)";
    private static final int START_ATTEMPTS = 3;
    private static final long START_TIMEOUT_MILLIS = 15_000;

    private final Path directory;
    private final List<String> extraConfig;
    private final List<String> launcher;
    private final Thread stopAtExit;
    private int port;
    private Process process;

    private SshServer(Path directory, List<String> extraConfig, List<String> launcher) {
        this.directory = directory;
        this.extraConfig = List.copyOf(extraConfig);
        this.launcher = List.copyOf(launcher);
        this.stopAtExit = new Thread(this::stop, "stop sshd in " + directory);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts sshd in {@code directory} (which it owns from then on).
     *
     * @param authorizedKeys public key files ({@code .pub}) allowed to log in
     * @param extraConfig more sshd_config lines, e.g. {@code SetEnv PATH=...}
     */
    public static SshServer start(Path directory, List<Path> authorizedKeys, List<String> extraConfig) {
        return start(directory, authorizedKeys, extraConfig, List.of());
    }

    /**
     * Starts sshd through {@code launcher}, a command that runs the command after it somewhere else,
     * e.g. {@code nsenter -t PID -m -p --} for a server inside another machine's namespaces.
     */
    public static SshServer start(
            Path directory, List<Path> authorizedKeys, List<String> extraConfig, List<String> launcher) {
        require(SSHD);
        require(KEYGEN);
        SshServer server = new SshServer(directory, extraConfig, launcher);
        server.writeAuthorizedKeys(authorizedKeys);
        server.newHostKey();
        server.startOnFreePort();
        return server;
    }

    public static SshServer start(Path directory, Path... authorizedKeys) {
        return start(directory, List.of(authorizedKeys), List.of());
    }

    /**
     * Generates an ed25519 key pair with ssh-keygen: {@code file} and {@code file.pub}.
     *
     * @param passphrase the passphrase, or "" for none
     */
    public static Path generateKey(Path file, String passphrase) {
        return generateKey(file, "ed25519", passphrase);
    }

    /** Generates a key pair of {@code type} ({@code ed25519}, {@code ecdsa}, {@code rsa}). */
    public static Path generateKey(Path file, String type, String passphrase) {
        require(KEYGEN);
        OsCommand.run(List.of(
                KEYGEN.toString(), "-q", "-t", type, "-N", passphrase, "-C", "golive-test", "-f", file.toString()));
        return file;
    }

    /** The server's host key of {@code type}, as ssh-keyscan writes it for known_hosts. */
    public String scanHostKey(String type) {
        require(KEYSCAN);
        return OsCommand.run(List.of(KEYSCAN.toString(), "-p", String.valueOf(port), "-t", type, "127.0.0.1"))
                .lines()
                .filter(line -> !line.startsWith("#"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ssh-keyscan found no " + type + " key on port " + port));
    }

    /** Hashes the host names of a known_hosts file in place, as {@code ssh-keygen -H} does. */
    public static void hashKnownHosts(Path file) {
        require(KEYGEN);
        OsCommand.run(List.of(KEYGEN.toString(), "-H", "-f", file.toString()));
    }

    /** The user that logs in: the one running the tests, as sshd checks keys for that user. */
    public static String user() {
        return System.getProperty("user.name");
    }

    public int port() {
        return port;
    }

    public Path hostPublicKey() {
        return directory.resolve("host_ed25519_key.pub");
    }

    /** The host key's fingerprint as OpenSSH prints it: {@code SHA256:...}. */
    public String hostKeyFingerprint() {
        String line = OsCommand.run(List.of(
                KEYGEN.toString(), "-l", "-E", "sha256", "-f", hostPublicKey().toString()));
        return line.split("\\s+")[1];
    }

    /** What sshd has logged so far. */
    public String log() {
        try {
            return Files.readString(directory.resolve("sshd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops sshd, replaces its host key and starts it again on the same port. */
    public void restartWithNewHostKey() {
        stop();
        newHostKey();
        if (!startOn(port)) {
            throw new IllegalStateException("sshd did not start again on port " + port + ":\n" + log());
        }
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private static void require(Path program) {
        if (!Files.isExecutable(program)) {
            throw new AssertionError(String.format(INSTALL_HINT, program));
        }
    }

    private void writeAuthorizedKeys(List<Path> keys) {
        StringBuilder lines = new StringBuilder();
        try {
            for (Path key : keys) {
                lines.append(Files.readString(key).strip()).append('\n');
            }
            Files.writeString(directory.resolve("authorized_keys"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newHostKey() {
        Path key = directory.resolve("host_ed25519_key");
        try {
            Files.deleteIfExists(key);
            Files.deleteIfExists(hostPublicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generateKey(key, "");
    }

    private void startOnFreePort() {
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            if (startOn(Ports.free())) {
                return;
            }
        }
        throw new IllegalStateException("sshd did not start in " + START_ATTEMPTS + " attempts:\n" + log());
    }

    /** False when the port was taken meanwhile; throws when sshd fails for another reason. */
    private boolean startOn(int candidate) {
        port = candidate;
        Path config = writeConfig();
        privilegeSeparationDirectory();
        try {
            // -E, not -e: with -e the sessions' debug lines would reach the commands' stderr.
            List<String> command = new ArrayList<>(launcher);
            command.addAll(List.of(
                    SSHD.toString(), "-D", "-E", directory.resolve("sshd.log").toString(), "-f", config.toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("sshd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + SSHD, e);
        }
        return awaitListening();
    }

    private boolean awaitListening() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                if (log.contains("Address already in use")) {
                    return false;
                }
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n" + log);
            }
            if (accepts()) {
                return true;
            }
            sleep(50, "sshd");
        }
        stop();
        throw new IllegalStateException("sshd did not listen on port " + port + " within 15 s:\n" + log());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path writeConfig() {
        List<String> lines = new ArrayList<>(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + directory.resolve("host_ed25519_key"),
                "PidFile " + directory.resolve("sshd.pid"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                // The keys live in a temporary directory that sshd's ownership checks would refuse.
                "StrictModes no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                // Tests run as root in CI.
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding yes",
                "Subsystem sftp internal-sftp",
                "LogLevel DEBUG1"));
        if (penalisesSources()) {
            // OpenSSH 9.8+ would lock 127.0.0.1 out after the connections tests drop on purpose.
            lines.add("PerSourcePenalties no");
        }
        lines.addAll(extraConfig);
        Path config = directory.resolve("sshd_config");
        try {
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    private static boolean penalisesSources() {
        Matcher version = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)")
                .matcher(OsCommand.tryRun(List.of(SSHD.toString(), "-V")).output());
        if (!version.find()) {
            return false;
        }
        int major = Integer.parseInt(version.group(1));
        return major > 9 || (major == 9 && Integer.parseInt(version.group(2)) >= 8);
    }

    // sshd refuses to start without it; the Debian package creates it only when its service runs.
    private static void privilegeSeparationDirectory() {
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            throw new IllegalStateException("sshd needs /run/sshd; create it as root: mkdir -p /run/sshd", e);
        }
    }

    /** Sleeps while a test server starts; an interrupt ends the wait for {@code what}. */
    static void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
