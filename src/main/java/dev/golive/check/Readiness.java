package dev.golive.check;

import dev.golive.plan.Check;
import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.Instance;
import dev.golive.plan.Plan;
import dev.golive.plan.Service;
import dev.golive.target.Hosts;
import dev.golive.target.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The readiness check of one environment ({@code golive check ENV}): every host (reachable, SSH,
 * disk, memory, clock) with its instances (running, port, health, Java version, JVM options),
 * every service reached by address, and the plan's {@code checks:}. Everything runs at once, hosts
 * a bounded number at a time, and every probe has a timeout, so a dead host or a hanging command
 * gives a red line instead of holding up the rest.
 */
public final class Readiness {
    /**
     * The thresholds a host must meet.
     *
     * @param diskFreePercent the least free space, in percent, on every path that matters
     * @param memoryFreePercent the least available memory, in percent
     * @param clockOffset the largest clock difference from this machine
     * @param timeout how long one probe may take
     */
    public record Limits(int diskFreePercent, int memoryFreePercent, Duration clockOffset, Duration timeout) {
        public Limits {
            if (diskFreePercent < 0 || diskFreePercent > 100 || memoryFreePercent < 0 || memoryFreePercent > 100) {
                throw new IllegalArgumentException(
                        "percentages must be within 0..100: disk " + diskFreePercent + ", memory " + memoryFreePercent);
            }
            if (clockOffset == null
                    || clockOffset.isNegative()
                    || timeout == null
                    || timeout.isNegative()
                    || timeout.isZero()) {
                throw new IllegalArgumentException("clock offset and timeout must be positive");
            }
        }

        public static Limits defaults() {
            return new Limits(10, 5, Duration.ofSeconds(2), Duration.ofSeconds(30));
        }
    }

    /**
     * The results about one host (with its instances), one service reached by address, or the
     * plan's checks.
     *
     * @param kind {@code host}, {@code service} or {@code checks}
     * @param name the host's or service's name, or {@code checks}
     * @param results green and red, in a stable order
     */
    public record Group(String kind, String name, List<CheckResult> results) {
        public Group {
            results = List.copyOf(results);
        }
    }

    /** Everything the check found. */
    public record Report(String environment, List<Group> groups) {
        public Report {
            groups = List.copyOf(groups);
        }

        public List<CheckResult> results() {
            return groups.stream().flatMap(g -> g.results().stream()).toList();
        }

        public long red() {
            return results().stream().filter(r -> !r.ok()).count();
        }

        public boolean ready() {
            return red() == 0;
        }
    }

    private final Plan plan;
    private final Environment environment;
    private final Hosts hosts;
    private final Services services;
    private final Limits limits;

    public Readiness(Plan plan, Environment environment, Hosts hosts, Limits limits) {
        this.plan = plan;
        this.environment = environment;
        this.hosts = hosts;
        this.services = new Services(environment, hosts);
        this.limits = limits;
    }

    public Report run() {
        Semaphore hostSlots = new Semaphore(hosts.parallelism());
        List<Future<Group>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Host host : environment.hosts().values()) {
                futures.add(pool.submit(() -> bounded(hostSlots, () -> safely(host))));
            }
            for (Service service : environment.services().values()) {
                if (!service.kind().runsOnHosts()) {
                    futures.add(pool.submit(() -> byAddress(service)));
                }
            }
            Checks checks = new Checks(plan, environment, hosts);
            List<Future<List<CheckResult>>> planned = new ArrayList<>();
            for (Check check : checks.applicable()) {
                planned.add(pool.submit(() -> checks.run(check)));
            }
            List<Group> groups = new ArrayList<>();
            futures.forEach(f -> groups.add(join(f)));
            if (!planned.isEmpty()) {
                List<CheckResult> results = new ArrayList<>();
                planned.forEach(f -> results.addAll(join(f)));
                groups.add(new Group("checks", "checks", results));
            }
            return new Report(environment.name(), groups);
        }
    }

    private Group safely(Host host) {
        try {
            return host(host);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Group(
                    "host",
                    host.name(),
                    List.of(new CheckResult("checked", host.name(), false, "checking failed: " + why, Duration.ZERO)));
        }
    }

    private Group host(Host host) {
        List<Instance> instances = environment.instances().stream()
                .filter(i -> i.host().name().equals(host.name()))
                .toList();
        List<String> paths = new ArrayList<>();
        instances.forEach(
                i -> services.paths(i).stream().filter(p -> !paths.contains(p)).forEach(paths::add));
        List<CheckResult> results = new ArrayList<>();
        boolean reached =
                new HostReadiness(hosts.target(host), limits).check(paths.isEmpty() ? List.of("/") : paths, results);
        for (Instance i : instances) {
            if (reached) {
                results.addAll(new InstanceReadiness(services, hosts.target(host), limits).check(i));
            } else {
                results.add(new CheckResult(
                        "running", i.id(), false, "not checked: " + host.name() + " was not reached", Duration.ZERO));
            }
        }
        return new Group("host", host.name(), results);
    }

    private Group byAddress(Service service) {
        var outcome = services.status(service);
        String name = switch (service.kind()) {
            case JDBC -> "connects";
            default -> "answers";
        };
        return new Group(
                "service",
                service.name(),
                List.of(new CheckResult(name, service.name(), outcome.ok(), outcome.detail(), outcome.duration())));
    }

    private static <T> T bounded(Semaphore slots, Supplier<T> work) throws InterruptedException {
        slots.acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }
}
