package dev.golive.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real ssh-agent from OpenSSH, private to a test, listening on a socket of its own. */
public final class SshAgent implements AutoCloseable {
    private static final Path AGENT = Path.of("/usr/bin/ssh-agent");
    private static final Path ADD = Path.of("/usr/bin/ssh-add");

    private final Path socket;
    private final Process process;

    private SshAgent(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    /** Starts ssh-agent in the foreground on {@code socket}, and waits until the socket is there. */
    public static SshAgent start(Path socket) {
        if (!Files.isExecutable(AGENT) || !Files.isExecutable(ADD)) {
            throw new AssertionError("ssh-agent not found: apt-get install openssh-client");
        }
        try {
            Process process = new ProcessBuilder(AGENT.toString(), "-D", "-a", socket.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(socket)) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("ssh-agent did not create " + socket);
                }
                Thread.sleep(20);
            }
            return new SshAgent(socket, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path socket() {
        return socket;
    }

    /** Loads a private key (without passphrase) into the agent, as ssh-add does. */
    public void add(Path key) {
        ProcessBuilder builder = new ProcessBuilder(ADD.toString(), key.toString()).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        try {
            Process add = builder.start();
            String output = new String(add.getInputStream().readAllBytes());
            if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
                throw new IllegalStateException("ssh-add " + key + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
