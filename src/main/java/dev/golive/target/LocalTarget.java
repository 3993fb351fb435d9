package dev.golive.target;

import dev.golive.plan.Host;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** This machine: commands run with {@code bash -c}, files are copied. */
final class LocalTarget implements Target {
    // Output still arriving after the exit (a daemon holding the stream) is waited for this long.
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final Host host;
    private final OutputListener listener;

    LocalTarget(Host host, OutputListener listener) {
        this.host = host;
        this.listener = listener;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public Result run(Command command) {
        return exec(command.forHost(host));
    }

    /** Runs exactly {@code command}, without the host's sudo. */
    Result exec(Command command) {
        long start = System.nanoTime();
        OutputSink out = new OutputSink(host.name(), false, listener);
        OutputSink err = new OutputSink(host.name(), true, listener);
        Process process;
        try {
            process = new ProcessBuilder("bash", "-c", command.shellText()).start();
        } catch (IOException e) {
            return Result.failed(host.name(), label() + ": starting bash failed: " + e.getMessage(), since(start));
        }
        Thread stdout = Thread.ofVirtual().start(() -> pump(process.getInputStream(), out));
        Thread stderr = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), err));
        Thread.ofVirtual().start(() -> feed(process, command.stdin()));
        boolean timedOut = !waitFor(process, command.timeout());
        if (timedOut) {
            stop(process);
        }
        long deadline = System.nanoTime() + LINGER.toNanos();
        await(stdout, deadline);
        await(stderr, deadline);
        out.close();
        err.close();
        String failure = timedOut
                ? label() + ": timed out after " + Failures.seconds(command.timeout()) + "; the command was stopped"
                : null;
        int status = timedOut ? Result.NO_STATUS : process.exitValue();
        return new Result(host.name(), status, out.text(), err.text(), since(start), timedOut, failure);
    }

    @Override
    public String upload(Path local, String remotePath) {
        String digest = Digests.sha256(local);
        Path target = Path.of(remotePath);
        Path temporary = target.resolveSibling(target.getFileName() + ".golive-" + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(local, temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new TargetException(label() + ": copying " + local + " to " + remotePath + " failed: " + e
                    + "; check that the directory exists and is writable");
        }
        Digests.verify(this::exec, label(), remotePath, digest);
        return digest;
    }

    private String label() {
        return host.name() + " (local)";
    }

    private static void pump(InputStream from, OutputSink to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            // The process is gone or its stream was closed: what arrived is kept.
        }
    }

    private static void feed(Process process, String stdin) {
        // Closing the stream gives EOF, so a command that reads its input ends.
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The command ended without reading its input.
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** TERM to the command and everything it started, KILL to what is left after a moment. */
    private static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!waitFor(process, LINGER)) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void await(Thread reader, long deadline) {
        try {
            reader.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The copy error says what matters.
        }
    }
}
