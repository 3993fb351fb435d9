package dev.golive.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the tests run in a JVM of its own, with the tests' classpath: for what one
 * JVM cannot show, such as being killed or two processes sharing a file. Its standard output is
 * collected line by line as it comes.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final StringBuffer errors = new StringBuffer();
    private final Thread outputReader;
    private final Thread errorReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outputReader = Thread.ofVirtual().start(() -> collect(process.inputReader(StandardCharsets.UTF_8)));
        this.errorReader = Thread.ofVirtual()
                .start(() -> process.errorReader(StandardCharsets.UTF_8)
                        .lines()
                        .forEach(line -> errors.append(line).append('\n')));
    }

    public static ChildJvm start(Class<?> mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What golive's jar opens by its manifest: users' threads on the event loops, and the
        // selectors' ready keys, which Netty replaces by an array.
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + mainClass.getName(), e);
        }
    }

    /** The lines printed so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed on standard error so far, for failure messages. */
    public String errors() {
        return errors.toString();
    }

    /** Waits for it to end and for its output to be read; returns its exit code. */
    public int waitFor(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child JVM " + pid() + " still runs after " + seconds + " s");
            }
            outputReader.join();
            errorReader.join();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for child JVM " + pid(), e);
        }
    }

    /** Asks it to stop as Ctrl-C or {@code kill} would: its shutdown hooks run. */
    public int terminate() {
        // Process.destroy() would also close our ends of its output; the handle only signals.
        process.toHandle().destroy();
        return waitFor(60);
    }

    /** Kills it as {@code kill -9} would: no shutdown hooks, no cleanup. */
    public void kill() {
        process.destroyForcibly();
        waitFor(30);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void collect(BufferedReader reader) {
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was killed while printing; what was read is kept
        }
    }
}
