package dev.golive.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Thread dumps of the demo's instances, taken with the JDK's jcmd while a load test runs. */
public final class ThreadDumps {
    private final CompletableFuture<List<Path>> taken;

    private ThreadDumps(CompletableFuture<List<Path>> taken) {
        this.taken = taken;
    }

    /** Starts taking {@code count} dumps of every instance, a second apart, a few seconds from now. */
    public static ThreadDumps during(SampleSystem system, Path into, int count) {
        return new ThreadDumps(CompletableFuture.supplyAsync(() -> take(system, into, count)));
    }

    public List<Path> await() {
        return taken.join();
    }

    private static List<Path> take(SampleSystem system, Path into, int count) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(into);
            Thread.sleep(4000);
            for (int n = 1; n <= count; n++) {
                for (long pid : system.instancePids()) {
                    Path file = into.resolve("shop-" + pid + "-" + n + ".txt");
                    Process jcmd = new ProcessBuilder(jcmd(), String.valueOf(pid), "Thread.print", "-l")
                            .redirectErrorStream(true)
                            .redirectOutput(file.toFile())
                            .start();
                    if (jcmd.waitFor(30, TimeUnit.SECONDS) && jcmd.exitValue() == 0) {
                        files.add(file);
                    } else {
                        jcmd.destroyForcibly();
                    }
                }
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take thread dumps: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return files;
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    /**
     * The lock most threads wait for in the dumps, with the method that holds it: a plain reading
     * of {@code - waiting to lock} lines.
     */
    public static String hottestLock(List<Path> files) {
        Map<String, Integer> waiting = new HashMap<>();
        int threads = 0;
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                continue;
            }
            String frame = null;
            for (String line : lines) {
                String l = line.strip();
                if (l.startsWith("\"")) {
                    threads++;
                    frame = null;
                } else if (l.startsWith("at ") && frame == null) {
                    frame = l.substring(3).replaceAll("\\(.*", "");
                } else if (l.startsWith("- waiting to lock") && frame != null) {
                    waiting.merge(frame, 1, Integer::sum);
                }
            }
        }
        int all = threads;
        return waiting.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getValue() + " threads in " + files.size() + " dumps (" + all
                        + " threads) waited for the lock in " + e.getKey())
                .orElse("no thread waited for a lock");
    }
}
