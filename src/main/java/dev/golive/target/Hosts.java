package dev.golive.target;

import dev.golive.plan.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The hosts of one run: gives a {@link Target} per host, keeps one SSH session per host (and per jump
 * host) for the whole run, and runs commands on many hosts at once. Close it at the end of the run
 * to close every session.
 *
 * <pre>{@code
 * try (Hosts hosts = new Hosts(environment.hosts(), SshSettings.forPlan(planDir), listener)) {
 *     List<Result> results = hosts.runAll(List.copyOf(environment.hosts().values()), Command.of("uptime"));
 * }
 * }</pre>
 */
public final class Hosts implements AutoCloseable {
    private final Map<String, Host> hosts;
    private final SshSettings settings;
    private final OutputListener listener;
    private final Routes routes;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private Connections connections;
    private boolean closed;

    /**
     * @param hosts the environment's hosts by name (jump hosts are looked up here)
     * @param settings how to reach them over SSH
     * @param listener receives every line of output, from every host
     */
    public Hosts(Map<String, Host> hosts, SshSettings settings, OutputListener listener) {
        this.hosts = new LinkedHashMap<>(hosts);
        this.settings = settings;
        this.listener = listener;
        this.routes = new Routes(settings, hosts);
    }

    /** The target for the host called {@code name}. */
    public Target target(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new TargetException("no host '" + name + "' in this environment; its hosts are " + hosts.keySet());
        }
        return target(host);
    }

    /** The target for {@code host}; a host not in this environment may still use its jump hosts. */
    public Target target(Host host) {
        return targets.computeIfAbsent(
                host.name(),
                name -> host.isLocal()
                        ? new LocalTarget(host, listener)
                        : new SshTarget(host, routes, connections(), listener));
    }

    /** How many hosts are worked on at once. */
    public int parallelism() {
        return settings.parallelism();
    }

    /** Runs {@code command} on every host; see {@link #each}. */
    public List<Result> runAll(List<Host> on, Command command) {
        return each(on, target -> target.run(command));
    }

    /**
     * Does {@code work} on every host, at most {@link SshSettings#parallelism()} at a time, and gives
     * the results in the order of {@code on}. One host's failure never stops the others: an exception
     * becomes a failed result naming the host.
     */
    public List<Result> each(List<Host> on, Function<Target, Result> work) {
        if (on.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(on.size(), settings.parallelism()));
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Host host : on) {
                futures.add(pool.submit(() -> safely(host, work)));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < on.size(); i++) {
                results.add(join(futures.get(i), on.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result safely(Host host, Function<Target, Result> work) {
        long start = System.nanoTime();
        try {
            return work.apply(target(host));
        } catch (TargetException e) {
            return Result.failed(host.name(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return Result.failed(
                    host.name(),
                    host.name() + " (" + host.target() + "): " + e,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static Result join(Future<Result> future, Host host) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(host.name(), host.name() + ": interrupted", Duration.ZERO);
        } catch (ExecutionException e) {
            return Result.failed(host.name(), host.name() + ": " + e.getCause(), Duration.ZERO);
        }
    }

    // MINA starts its threads only when a host is reached over SSH.
    private synchronized Connections connections() {
        if (closed) {
            throw new IllegalStateException("these hosts were closed at the end of their run");
        }
        if (connections == null) {
            connections = new Connections(settings);
        }
        return connections;
    }

    /** Closes every SSH session of the run. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connections != null) {
            connections.close();
            connections = null;
        }
    }
}
