package dev.golive.diag;

import dev.golive.testsupport.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Captures a child JVM with the JDK's own jcmd, as an operator would: thread dumps appended to a
 * file, class histograms with a timestamp line before each, the JSON thread dump.
 */
public final class Jcmd {
    private Jcmd() {}

    /** Appends {@code jcmd PID Thread.print -l} to the file. */
    static Path threadPrint(ChildJvm jvm, Path file) {
        return append(file, run(jvm, "Thread.print", "-l"));
    }

    /** Appends a timestamp line and {@code jcmd PID GC.class_histogram} to the file. */
    static Path histogram(ChildJvm jvm, Path file) {
        String now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return append(file, now + "\n" + run(jvm, "GC.class_histogram"));
    }

    /** Writes {@code jcmd PID Thread.dump_to_file -format=json FILE}. */
    public static Path jsonDump(ChildJvm jvm, Path file) {
        run(jvm, "Thread.dump_to_file", "-format=json", file.toString());
        return file;
    }

    /** Takes {@code count} captures a second apart. */
    static void series(int count, Runnable capture) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                pause();
            }
            capture.run();
        }
    }

    private static String run(ChildJvm jvm, String... command) {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(jvm.pid())));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }

    private static Path append(Path file, String text) {
        try {
            return Files.writeString(
                    file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
