package dev.golive.cli;

import dev.golive.diag.Capture;
import dev.golive.diag.DiagException;
import dev.golive.diag.Diagnose;
import dev.golive.diag.Diagnosis;
import dev.golive.report.DiagReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "diag",
        description = {
            "Read thread dumps, class histograms and per-thread CPU (top -H) of a JVM and find what slows or"
                    + " stops it.",
            "It finds deadlocks, contended locks, exhausted thread pools, waits on the database and its"
                    + " connection pool, stuck and CPU-hot threads, and leak suspects.",
            "Dumps of one JVM are read as a series, oldest first.",
            "Exits 0 whatever it finds; 2 when a file cannot be read or holds no capture."
        })
final class DiagCommand implements Runnable {
    private final Context context;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "jstack, jcmd Thread.print or kill -3 output (any JDK, several dumps per file, logs around "
                    + "them), jcmd Thread.dump_to_file JSON, jmap -histo or GC.class_histogram output, top -H output.")
    List<String> files;

    @Option(names = "--json", description = "Print the files read and the findings as JSON.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page.")
    String html;

    @Option(names = "--timing", description = "Print how long reading and analysing took, on standard error.")
    boolean timing;

    DiagCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long cpuStart = cpuTime();
        List<Capture> captures = new ArrayList<>();
        long bytes = 0;
        for (String f : files) {
            Path path = context.resolve(f);
            try {
                captures.add(Diagnose.read(path));
            } catch (DiagException e) {
                throw new UsageException(e.getMessage());
            }
            bytes += size(path);
        }
        long read = System.nanoTime();
        Diagnosis diagnosis = Diagnose.analyse(captures);
        long analysed = System.nanoTime();
        long cpu = cpuTime() - cpuStart;
        if (json) {
            Json.print(context.out(), DiagJson.of(diagnosis));
        } else {
            new DiagPrinter(context.out()).print(diagnosis);
        }
        if (html != null) {
            write(context.resolve(html), new DiagReport(diagnosis).html());
        }
        if (timing) {
            context.err().println(timing(bytes, read - start, analysed - read, cpu));
        }
    }

    /** CPU time of this thread: on a busy machine it says what the wall clock cannot. */
    private static long cpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    private static String timing(long bytes, long readNanos, long analyseNanos, long cpuNanos) {
        double mb = bytes / 1e6;
        double readSeconds = readNanos / 1e9;
        double analyseSeconds = analyseNanos / 1e9;
        return String.format(
                Locale.ROOT,
                "timing: read %.1f MB in %.3f s (%.1f MB/s), analysed in %.3f s, %.3f s in all (%.1f MB/s),"
                        + " CPU time %.3f s",
                mb,
                readSeconds,
                mb / readSeconds,
                analyseSeconds,
                readSeconds + analyseSeconds,
                mb / (readSeconds + analyseSeconds),
                cpuNanos / 1e9);
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        (json ? context.err() : context.out()).println((json ? "" : "\n") + "Wrote " + file);
    }
}
