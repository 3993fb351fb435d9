package dev.golive.capture;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.target.Command;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.Result;
import dev.golive.target.ServiceOutcome;
import dev.golive.target.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Takes thread dumps, per-thread CPU and class histograms from the JVMs of a service's instances,
 * locally or over SSH, with the JDK's own {@code jcmd} next to the JVM, run as the process's owner.
 * The user names a service; the JVM is found from its definition (PID file, pattern). Instances
 * are captured at the same time; each dump of every instance is taken at about the same moment.
 */
public final class Captures implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private final CaptureSink sink = new CaptureSink();
    private final Hosts hosts;
    private final Services services;

    /** @param hosts makes the environment's hosts with the listener given, which keeps the captures */
    public Captures(Environment environment, java.util.function.Function<OutputListener, Hosts> hosts) {
        this.environment = environment;
        this.hosts = hosts.apply(sink);
        this.services = new Services(environment, this.hosts);
    }

    /**
     * What to take.
     *
     * @param dumps how many thread dumps per instance
     * @param every the time between two dumps
     * @param histogram also a class histogram after the first and the last dump (it runs a full GC)
     * @param cpu per-thread CPU with each dump
     * @param heapDump also a compressed heap dump (large, and the JVM pauses while it is written)
     * @param flightRecording also a flight recording of this long after the dumps, or null
     */
    public record Options(
            int dumps, Duration every, boolean histogram, boolean cpu, boolean heapDump, Duration flightRecording) {
        /** Dumps, CPU and histograms only. */
        public Options(int dumps, Duration every, boolean histogram, boolean cpu) {
            this(dumps, every, histogram, cpu, false, null);
        }

        public Options {
            if (dumps < 1 || every == null || every.isNegative()) {
                throw new IllegalArgumentException("at least one dump, and a time between them");
            }
        }
    }

    /** The instances named by {@code spec}: {@code service} or {@code service/host}. */
    public List<Instance> select(String spec) {
        return services.select(spec).instances();
    }

    /** Captures every instance into {@code directory}, all at once; one result per instance. */
    public List<Capture> capture(List<Instance> instances, Options options, Path directory) {
        Map<Instance, Future<Capture>> running = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Instance i : instances) {
                running.put(i, pool.submit(() -> one(i, options, directory)));
            }
            List<Capture> out = new ArrayList<>();
            for (var e : running.entrySet()) {
                try {
                    out.add(e.getValue().get());
                } catch (ExecutionException ex) {
                    out.add(Capture.failed(
                            e.getKey().id(),
                            0,
                            Instant.now(),
                            String.valueOf(ex.getCause().getMessage())));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return out;
        }
    }

    private Capture one(Instance i, Options options, Path directory) throws InterruptedException {
        Instant at = Instant.now();
        ServiceOutcome status = services.status(i);
        if (!status.ok() || status.pids().isEmpty()) {
            return Capture.failed(i.id(), 0, at, "no running JVM to capture: " + status.detail());
        }
        long pid = status.pids().getFirst();
        String name = i.service().name() + "-" + i.host().name();
        List<Path> dumps = new ArrayList<>();
        List<Path> cpu = new ArrayList<>();
        List<Path> histograms = new ArrayList<>();
        List<Path> recordings = new ArrayList<>();
        synchronized (hostLock(i)) {
            for (int n = 1; n <= options.dumps(); n++) {
                long started = System.nanoTime();
                if (options.cpu()) {
                    Path file = directory.resolve(name + "-" + n + "-cpu.txt");
                    if (take(i, file, Scripts.cpu(pid)) == null) {
                        cpu.add(file);
                    }
                }
                Path file = directory.resolve(name + "-" + n + "-threads.txt");
                String failed = take(i, file, Scripts.jcmd(pid, "Thread.print -l"));
                if (failed != null) {
                    return new Capture(i.id(), pid, at, dumps, cpu, histograms, recordings, failed);
                }
                dumps.add(file);
                if (options.histogram() && (n == 1 || n == options.dumps())) {
                    Path h = directory.resolve(name + "-" + n + "-histogram.txt");
                    if (take(i, h, Scripts.jcmd(pid, "GC.class_histogram")) == null) {
                        histograms.add(h);
                    }
                }
                long left = options.every().toNanos() - (System.nanoTime() - started);
                if (n < options.dumps() && left > 0) {
                    Thread.sleep(Duration.ofNanos(left));
                }
            }
            String failed = null;
            if (options.flightRecording() != null) {
                Path file = directory.resolve(name + ".jfr");
                failed = fetch(
                        i,
                        file,
                        Scripts.flightRecording(
                                pid, Math.max(1, options.flightRecording().toSeconds())));
                if (failed == null) {
                    recordings.add(file);
                }
            }
            if (options.heapDump()) {
                Path file = directory.resolve(name + "-heap.hprof.gz");
                String heap = fetch(i, file, Scripts.heapDump(pid));
                if (heap == null) {
                    recordings.add(file);
                }
                failed = failed == null ? heap : failed;
            }
            return new Capture(i.id(), pid, at, dumps, cpu, histograms, recordings, failed);
        }
    }

    /** Runs a script whose output is a file in Base64, and writes the file; the failure, or null. */
    private String fetch(Instance i, Path file, String script) {
        String host = i.host().name();
        sink.beginBinary(host, file);
        Result r;
        try {
            r = hosts.target(i.host()).run(Command.of(script).withTimeout(Duration.ofMinutes(30)));
        } finally {
            sink.end(host);
        }
        if (!r.ok()) {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // the failure is what matters
            }
            return i.id() + ": " + r.summary();
        }
        return null;
    }

    /** Runs a capture script into a file; the failure, or null. */
    private String take(Instance i, Path file, String script) {
        String host = i.host().name();
        sink.begin(host, file);
        Result r;
        try {
            r = hosts.target(i.host()).run(Command.of(script).withTimeout(TIMEOUT));
        } finally {
            sink.end(host);
        }
        return r.ok() ? null : i.id() + ": " + r.summary();
    }

    private Object hostLock(Instance i) {
        return locks.computeIfAbsent(i.host().name(), h -> new Object());
    }

    private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    public Environment environment() {
        return environment;
    }

    @Override
    public void close() {
        hosts.close();
    }
}
