package dev.golive.target;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Service;
import dev.golive.plan.ServiceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Operates the services of one environment: status, start, stop, restart, kill, health, logs,
 * clear-logs and JVM discovery, on every instance of a service at once or on one, through the
 * run's {@link Hosts}, so the same works on this machine and over SSH.
 *
 * <pre>{@code
 * Services services = new Services(environment, hosts);
 * List<ServiceOutcome> done = services.run(services.select("was/was1"), ServiceAction.RESTART, ServiceOptions.defaults());
 * }</pre>
 */
public final class Services {
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * A service and the instances a command line meant.
     *
     * @param service the service
     * @param instances all its instances for {@code SERVICE}, one for {@code SERVICE/HOST}, none for
     *     a service reached by address
     */
    public record Selection(Service service, List<Instance> instances) {
        public Selection {
            instances = List.copyOf(instances);
        }
    }

    private final Environment environment;
    private final Hosts hosts;

    public Services(Environment environment, Hosts hosts) {
        this.environment = environment;
        this.hosts = hosts;
    }

    /**
     * The instances meant by {@code SERVICE} or {@code SERVICE/HOST}.
     *
     * @throws IllegalArgumentException naming the valid choices when there is no such service or instance
     */
    public Selection select(String spec) {
        int slash = spec.indexOf('/');
        String name = slash < 0 ? spec : spec.substring(0, slash);
        Service service = environment.services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service '" + name + "' in " + environment.name()
                    + "; its services are " + environment.services().keySet());
        }
        List<Instance> all = environment.instances(name);
        if (slash < 0) {
            return new Selection(service, all);
        }
        String host = spec.substring(slash + 1);
        List<Instance> one =
                all.stream().filter(i -> i.host().name().equals(host)).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("service " + name + " does not run on '" + host + "' in "
                    + environment.name() + "; its instances are "
                    + all.stream().map(Instance::id).toList());
        }
        return new Selection(service, one);
    }

    /**
     * Does {@code action} to every instance selected, a bounded number at once; one instance's
     * failure never stops the others.
     *
     * @throws IllegalArgumentException when the action does not apply to the service's kind
     */
    public List<ServiceOutcome> run(Selection selection, ServiceAction action, ServiceOptions options) {
        Service service = selection.service();
        if (!service.kind().runsOnHosts()) {
            return List.of(byAddress(service, action, options));
        }
        return FanOut.map(
                selection.instances(),
                hosts.parallelism(),
                i -> one(i, action, options),
                (i, e) -> ServiceOutcome.of(i.id(), action, false, i.id() + ": " + e, System.nanoTime()));
    }

    private ServiceOutcome byAddress(Service service, ServiceAction action, ServiceOptions options) {
        return switch (action) {
            case STATUS -> ByAddress.status(service);
            case HEALTH ->
                service.kind() == ServiceKind.HTTP
                        ? new HealthWait(ByAddress.healthUrl(service), null)
                                .await(service.name(), options.healthDeadline(), options.expectBody())
                        : ByAddress.status(service);
            default ->
                throw new IllegalArgumentException(service.name() + " is a "
                        + service.kind().word() + " service, reached by address: only status and health apply to it");
        };
    }

    private ServiceOutcome one(Instance i, ServiceAction action, ServiceOptions options) {
        Lifecycle lifecycle = lifecycle(i);
        return switch (action) {
            case STATUS -> lifecycle.status();
            case START -> startHealthy(lifecycle, i, options);
            case STOP -> lifecycle.stop(options.stopTimeout());
            case RESTART -> restart(lifecycle, i, options);
            case KILL -> lifecycle.kill();
            case HEALTH -> health(i, options.healthDeadline(), options.expectBody());
            case LOGS -> logs(i, options);
            case CLEAR_LOGS -> clearLogs(i);
            case JVM -> jvm(i);
        };
    }

    /** Whether the instance runs, with its PIDs. */
    public ServiceOutcome status(Instance i) {
        return lifecycle(i).status();
    }

    /**
     * Sends {@code signal} (such as {@code STOP} or {@code CONT}) to the given processes of the
     * instance, on its host, as the user its scripts run as.
     */
    public Result signal(Instance i, String signal, List<Long> pids) {
        if (!signal.matches("[A-Z]+")) {
            throw new IllegalArgumentException("not a signal name: '" + signal + "'");
        }
        return lifecycle(i).run(Scripts.pids(pids) + Scripts.signal(signal), Duration.ofSeconds(30));
    }

    /** Whether a service reached by address (jdbc, http) answers. */
    public ServiceOutcome status(Service service) {
        return ByAddress.status(service);
    }

    /** Asks the instance's health URL until it answers 200 or {@code deadline} passes. */
    public ServiceOutcome health(Instance i, Duration deadline, String expectBody) {
        String url = healthUrl(i);
        if (url == null) {
            return ServiceOutcome.of(
                    i.id(),
                    ServiceAction.HEALTH,
                    false,
                    "service " + i.service().name() + " needs http: and health: in the plan for a health check",
                    System.nanoTime());
        }
        Target through = i.host().via() == null ? null : hosts.target(i.host());
        return new HealthWait(url, through).await(i.id(), deadline, expectBody);
    }

    /** The instance's health URL, or null when the plan gives it none. */
    public static String healthUrl(Instance i) {
        String health = i.service().health();
        if (health == null) {
            return null;
        }
        if (health.startsWith("http://") || health.startsWith("https://")) {
            return health;
        }
        if (i.service().httpPort() == null) {
            return null;
        }
        String address = i.host().serviceAddress();
        return "http://" + address + ":" + i.service().httpPort() + (health.startsWith("/") ? health : "/" + health);
    }

    /** The PID, Java version and JVM options of the running instance. */
    public ServiceOutcome jvm(Instance i) {
        long start = System.nanoTime();
        Lifecycle lifecycle = lifecycle(i);
        Lifecycle.State state = lifecycle.state();
        if (!state.running() || state.pids().isEmpty()) {
            String why = state.running() ? "its kind gives no PID to look at" : state.describe();
            return ServiceOutcome.of(i.id(), ServiceAction.JVM, false, why, start);
        }
        long pid = state.pids().get(0);
        Result r = lifecycle.run(JvmDiscovery.script(pid), JvmDiscovery.timeout());
        if (!r.ok()) {
            return ServiceOutcome.of(
                    i.id(), ServiceAction.JVM, false, "looking at PID " + pid + " failed: " + r.summary(), start);
        }
        JvmInfo jvm = JvmDiscovery.parse(pid, r.stdout());
        String java = jvm.version() != null ? "java " + jvm.version() : jvm.executable();
        String detail = "PID " + pid + ": " + java + ", " + jvm.options().size() + " JVM options";
        return ServiceOutcome.of(i.id(), ServiceAction.JVM, jvm.isJava(), detail, start)
                .withPids(state.pids())
                .withJvm(jvm)
                .withOutput(describe(jvm));
    }

    /** The directories whose free space matters for the instance, {@code /} first. */
    public List<String> paths(Instance i) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add("/");
        out.addAll(Controls.of(i).paths());
        return new ArrayList<>(out);
    }

    /** Starts the instance and waits for its health; when it stays unhealthy, says what it shows. */
    private ServiceOutcome startHealthy(Lifecycle lifecycle, Instance i, ServiceOptions options) {
        // Log lines carry whole seconds: the second the start began counts as after it.
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ServiceOutcome started = lifecycle.start(options.healthDeadline());
        if (!started.ok() || healthUrl(i) == null) {
            return started;
        }
        ServiceOutcome h = health(i, options.healthDeadline(), options.expectBody());
        String why = h.ok() ? "" : lifecycle.afterUnhealthyStart(since);
        return new ServiceOutcome(
                i.id(),
                started.action(),
                h.ok(),
                started.detail() + "; " + h.detail() + why,
                started.pids(),
                "",
                null,
                started.duration().plus(h.duration()));
    }

    private ServiceOutcome restart(Lifecycle lifecycle, Instance i, ServiceOptions options) {
        ServiceOutcome stopped = lifecycle.stop(options.stopTimeout());
        if (!stopped.ok()) {
            return new ServiceOutcome(
                    i.id(),
                    ServiceAction.RESTART,
                    false,
                    "not restarted: " + stopped.detail(),
                    stopped.pids(),
                    "",
                    null,
                    stopped.duration());
        }
        ServiceOutcome started = startHealthy(lifecycle, i, options);
        return new ServiceOutcome(
                i.id(),
                ServiceAction.RESTART,
                started.ok(),
                stopped.detail() + "; " + started.detail(),
                started.pids(),
                "",
                null,
                stopped.duration().plus(started.duration()));
    }

    private ServiceOutcome logs(Instance i, ServiceOptions options) {
        long start = System.nanoTime();
        Logs logs = Controls.of(i).logs();
        boolean errors = options.errorsSince() != null;
        String script = errors ? logs.errorsSince(options.errorsSince()) : logs.tail(options.lines());
        Result r = lifecycle(i).run(script, QUICK);
        if (!r.ok()) {
            return ServiceOutcome.of(
                    i.id(), ServiceAction.LOGS, false, "reading the logs failed: " + r.summary(), start);
        }
        long count = r.stdout().lines().count();
        String detail = errors ? count + " error lines since " + options.errorsSince() : "the last " + count + " lines";
        return ServiceOutcome.of(i.id(), ServiceAction.LOGS, true, detail, start)
                .withOutput(r.stdout());
    }

    private ServiceOutcome clearLogs(Instance i) {
        long start = System.nanoTime();
        String stamp = STAMP.format(LocalDateTime.now());
        Result r = lifecycle(i).run(Controls.of(i).logs().clear(stamp), QUICK);
        String said = r.stdout().strip();
        String detail =
                r.ok() ? said.substring(said.lastIndexOf('\n') + 1) : "clearing the logs failed: " + r.summary();
        return ServiceOutcome.of(i.id(), ServiceAction.CLEAR_LOGS, r.ok(), detail, start);
    }

    private Lifecycle lifecycle(Instance i) {
        return new Lifecycle(hosts.target(i.host()), Controls.of(i), i.id());
    }

    private static String describe(JvmInfo jvm) {
        StringBuilder b = new StringBuilder();
        b.append("pid: ").append(jvm.pid()).append('\n');
        b.append("executable: ").append(jvm.executable()).append('\n');
        b.append("version: ")
                .append(jvm.versionLine() == null ? "unknown" : jvm.versionLine())
                .append('\n');
        b.append("main: ").append(jvm.main() == null ? "unknown" : jvm.main()).append('\n');
        b.append("options:\n");
        jvm.options().forEach(o -> b.append("  ").append(o).append('\n'));
        return b.toString();
    }
}
