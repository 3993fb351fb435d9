package dev.golive.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.target.Command;
import dev.golive.target.Digests;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.Result;
import dev.golive.target.Target;
import dev.golive.target.TargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A load test run from several generator hosts over SSH: golive copies itself (its jar, checked by
 * SHA-256) and the plan's files to each, measures the clock offsets, starts an agent on each with
 * its part of the load from one shared start time, and merges the histograms they send back every
 * second exactly. A generator that dies or stops sending invalidates the run; the others are
 * stopped and nothing is left running.
 */
public final class Distributed {
    /** How long after a second's end its figures may still come from a generator. */
    static final long GRACE_MILLIS = 5000;
    /**
     * The JVM options a generator runs with, as the launcher runs a load test: compile thresholds
     * three times the JVM's, so the compilers spend their CPU on the engine's hot code rather
     * than on code the start ran a few hundred times.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:CompileThresholdScaling=3");

    private static final String DIR = ".golive-agent";
    /** Time for the agents' JVMs to start and read the plan before the shared start. */
    private static final long START_DELAY_MILLIS = 5000;

    private final Plan plan;
    private final Environment environment;
    private final List<Host> generators;
    private final Path jar;
    private final String secrets;
    private final Consumer<String> console;
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();
    private final Control control = new Control();
    private Hosts hosts;
    private Duration warmUp = Duration.ZERO;

    /**
     * @param hosts makes the hosts with the listener given, which receives the agents' output
     * @param jar golive's own jar, copied to each generator
     * @param secrets {@code NAME=value} lines for the agents' standard input, or null
     * @param console where progress is said
     */
    public Distributed(
            Plan plan,
            Environment environment,
            List<Host> generators,
            Function<OutputListener, Hosts> hosts,
            Path jar,
            String secrets,
            Consumer<String> console) {
        if (generators.isEmpty()) {
            throw new IllegalArgumentException("no generators");
        }
        this.plan = plan;
        this.environment = environment;
        this.generators = List.copyOf(generators);
        this.jar = jar;
        this.secrets = secrets;
        this.console = console;
        this.hosts = hosts.apply(this::line);
    }

    /** One generator's agent as the controller sees it. */
    private static final class Agent {
        final Host host;
        final int index;
        final Map<Integer, Sample> seconds = new ConcurrentHashMap<>();
        volatile String home;
        volatile String java;
        volatile long offsetMillis;
        volatile JsonNode end;
        volatile boolean finished;
        volatile String failure;
        final StringBuilder errors = new StringBuilder();

        Agent(Host host, int index) {
            this.host = host;
            this.index = index;
        }

        String pidFile() {
            return home + "/" + DIR + "/agent-" + index + ".pid";
        }
    }

    /**
     * Each agent warms up its engine this long before the load starts ({@link WarmUp}); the start
     * is put off by as much. Zero (the default) for none.
     */
    public Distributed warmUp(Duration duration) {
        this.warmUp = duration;
        return this;
    }

    /** Stops every agent early (Ctrl-C, an operator). */
    public void stop(String why) {
        control.stop(why);
    }

    public LoadResult run(LoadTest test, LoadListener listener) {
        try {
            for (int i = 0; i < generators.size(); i++) {
                agents.put(generators.get(i).name(), new Agent(generators.get(i), i));
            }
            String digest = Digests.sha256(jar);
            console.accept("preparing " + generators.size() + " generators: golive " + digest.substring(0, 12)
                    + ", the plan's files, clock offsets");
            each(agent -> prepare(agent, digest));
            long start = System.currentTimeMillis() + START_DELAY_MILLIS + warmUp.toMillis();
            return launch(test, listener, start, digest);
        } finally {
            hosts.close();
        }
    }

    private LoadResult launch(LoadTest test, LoadListener listener, long start, String digest) {
        int n = generators.size();
        Metrics metrics = new Metrics(60);
        List<Health> healths = new ArrayList<>();
        Map<String, Health> each = new LinkedHashMap<>();
        Set<String> invalid = new LinkedHashSet<>();
        ExecutorService running = Executors.newVirtualThreadPerTaskExecutor();
        Map<String, Future<Result>> results = new LinkedHashMap<>();
        for (Agent a : agents.values()) {
            String command = "cd " + q(a.home + "/" + DIR + "/plan") + " && exec " + q(a.java) + " "
                    + String.join(" ", JVM_OPTIONS) + " -jar "
                    + q(a.home + "/" + DIR + "/golive-" + digest.substring(0, 16) + ".jar") + " agent "
                    + q(environment.name()) + " " + q(test.name()) + " --part " + (a.index + 1) + "/" + n
                    + " --start-at " + (start + a.offsetMillis) + " --warm-up " + warmUp.toMillis() + "ms"
                    + " --pid-file " + q(a.pidFile()) + " -f "
                    + q(plan.file().getFileName().toString()) + (secrets == null ? "" : " --secrets-stdin");
            Command c = Command.of(command)
                    .withTimeout(test.duration().plusMinutes(5))
                    .withInput(secrets == null ? "" : secrets);
            results.put(a.host.name(), running.submit(() -> {
                Result r = hosts.target(a.host).run(c);
                a.finished = true;
                return r;
            }));
        }
        console.accept("generators start at " + java.time.Instant.ofEpochMilli(start) + ": "
                + String.join(", ", agents.keySet()));
        int second = 0;
        long grace = GRACE_MILLIS;
        while (true) {
            long due = start + (second + 1) * 1000L;
            int s = second;
            // An agent that has ended (its part done, or stopped) has no more seconds to wait for.
            boolean all = agents.values().stream().allMatch(a -> a.seconds.containsKey(s) || a.end != null)
                    && agents.values().stream().anyMatch(a -> a.seconds.containsKey(s));
            boolean ended = agents.values().stream().allMatch(a -> a.end != null || a.finished);
            if (all) {
                List<Sample> parts = new ArrayList<>();
                StringBuilder counts = new StringBuilder();
                for (Agent a : agents.values()) {
                    Sample part = a.seconds.remove(s);
                    if (part != null) {
                        parts.add(part);
                        counts.append("  ")
                                .append(a.host.name())
                                .append(' ')
                                .append(part.overall().passed());
                    }
                }
                Sample merged = merge(s, parts);
                metrics.absorb(merged.intervals());
                listener.second(merged, status(merged, test, metrics) + " |" + counts);
                second++;
                continue;
            }
            if (ended && agents.values().stream().allMatch(a -> a.seconds.isEmpty() || !a.seconds.containsKey(s))) {
                break;
            }
            for (Agent a : agents.values()) {
                if (a.end != null && !a.end.path("stopped").isNull() && !control.stopped()) {
                    // One part stopped early (an abort rule): the whole test stops.
                    control.stop(a.host.name() + ": " + a.end.path("stopped").asText());
                    stopAll();
                }
                boolean silent = !a.seconds.containsKey(s) && a.end == null;
                if (silent && (a.finished || System.currentTimeMillis() > due + grace) && !control.stopped()) {
                    String why = "generator " + a.host.name() + (a.finished ? " ended" : " sent no figures")
                            + " for second " + s
                            + (a.finished ? " without finishing its part" : " within " + grace / 1000 + " s")
                            + lastError(a);
                    invalid.add(why);
                    control.stop(why);
                    stopAll();
                }
            }
            if (control.stopped() && ended) {
                break;
            }
            sleep(50);
        }
        running.close();
        long completed = 0;
        long elapsedMs = 0;
        for (Agent a : agents.values()) {
            if (a.end != null) {
                Health h = AgentLines.health(a.end);
                healths.add(h);
                each.put(a.host.name(), h);
                h.invalid().forEach(why -> invalid.add(a.host.name() + ": " + why));
                completed += a.end.path("completed").asLong();
                elapsedMs = Math.max(elapsedMs, a.end.path("elapsedMs").asLong());
            } else if (!invalid.stream().anyMatch(w -> w.contains(a.host.name()))) {
                invalid.add("generator " + a.host.name() + " did not finish its part" + lastError(a));
            }
        }
        Duration elapsed = Duration.ofMillis(Math.max(elapsedMs, 1));
        Health health = combine(healths, invalid);
        Stats overall = metrics.overall(elapsed);
        Map<String, Stats> transactions = metrics.transactions(elapsed);
        double intended = test.model().equals("open") ? Phases.expected(test.phases(), elapsed.toNanos()) : 0;
        String stopped = control.reason() != null && !invalid.contains(control.reason()) ? control.reason() : null;
        return new LoadResult(
                test.name(),
                elapsed,
                overall,
                transactions,
                metrics.requests(elapsed),
                TargetCheck.verdicts(test, overall, transactions, intended, completed),
                metrics.total().errors(),
                health,
                stopped,
                completed,
                each);
    }

    private static String lastError(Agent a) {
        String e = a.errors.toString().strip();
        if (e.isEmpty()) {
            return "";
        }
        String last = e.substring(e.lastIndexOf('\n') + 1);
        return ": " + last;
    }

    private static Health combine(List<Health> parts, Set<String> invalid) {
        long arrivals = 0;
        long late = 0;
        long dropped = 0;
        double cpu = -1;
        int saturated = 0;
        for (Health h : parts) {
            arrivals += h.arrivals();
            late += h.late();
            dropped += h.dropped();
            cpu = Math.max(cpu, h.maxCpu());
            saturated = Math.max(saturated, h.saturated());
        }
        return new Health(arrivals, late, dropped, cpu, saturated, new ArrayList<>(invalid));
    }

    /** The seconds of all generators as one: counts added, histograms merged, CPU the highest. */
    static Sample merge(int second, List<Sample> parts) {
        Map<String, Interval> intervals = new TreeMap<>();
        double wanted = 0;
        long arrivals = 0;
        long late = 0;
        long dropped = 0;
        int active = 0;
        double cpu = -1;
        for (Sample p : parts) {
            wanted += p.wanted();
            arrivals += p.arrivals();
            late += p.late();
            dropped += p.dropped();
            active += p.active();
            cpu = Math.max(cpu, p.cpu());
            for (Interval i : p.intervals()) {
                intervals.merge(i.kind() + ":" + i.name(), i, Interval::plus);
            }
        }
        return new Sample(second, wanted, arrivals, late, dropped, active, cpu, new ArrayList<>(intervals.values()));
    }

    private String status(Sample s, LoadTest test, Metrics metrics) {
        Interval total = metrics.total();
        long all = total.passed() + total.failed();
        return String.format(
                java.util.Locale.ROOT,
                "%5ds/%ds  %d generators  %s %.1f  tps %d  p95 %s  errors %.2f%% (%d)  users %d",
                s.second() + 1,
                test.duration().toSeconds(),
                generators.size(),
                test.model().equals("open") ? "rate" : "wanted",
                s.wanted(),
                s.overall().passed(),
                TargetCheck.millis(Duration.ofNanos(metrics.recent(5).times().getValueAtPercentile(95) * 1000)),
                all == 0 ? 0.0 : 100.0 * total.failed() / all,
                total.failed(),
                s.active());
    }

    /** An agent's output: its seconds and its end; anything else on standard error is kept for messages. */
    private void line(String host, boolean error, String line) {
        Agent a = agents.get(host);
        if (a == null) {
            return;
        }
        if (error) {
            synchronized (a.errors) {
                a.errors.append(line).append('\n');
            }
            return;
        }
        JsonNode message = AgentLines.read(line);
        if (message == null) {
            return;
        }
        switch (message.path("type").asText()) {
            case "second" -> {
                Sample s = AgentLines.sample(message);
                a.seconds.put(s.second(), s);
            }
            case "end" -> a.end = message;
            default -> {}
        }
    }

    private void prepare(Agent a, String digest) {
        Target t = hosts.target(a.host);
        Result who = t.run(Command.of(JAVA + "echo \"$HOME\"; find_java\n").withTimeout(Duration.ofSeconds(30)));
        if (!who.ok()) {
            throw new TargetException(a.host.name() + ": " + who.summary());
        }
        List<String> said = who.stdout().lines().toList();
        a.home = said.get(0).strip();
        a.java = said.size() > 1 ? said.get(1).strip() : "";
        if (a.java.isEmpty()) {
            throw new TargetException(a.host.name() + ": no Java 21 or newer found (JAVA_HOME, PATH, /usr/lib/jvm)");
        }
        String dir = a.home + "/" + DIR;
        String jarPath = dir + "/golive-" + digest.substring(0, 16) + ".jar";
        Result have = t.run(Command.of(
                        "mkdir -p " + q(dir + "/plan") + " && sha256sum " + q(jarPath) + " 2>/dev/null | cut -d' ' -f1")
                .withTimeout(Duration.ofSeconds(30)));
        if (!have.stdout().strip().equals(digest)) {
            t.upload(jar, jarPath);
        }
        for (Path f : planFiles()) {
            Path relative = plan.directory().relativize(f);
            String remote = dir + "/plan/" + relative.toString().replace('\\', '/');
            if (relative.getParent() != null) {
                t.run(Command.of("mkdir -p " + q(remote.substring(0, remote.lastIndexOf('/'))))
                        .withTimeout(Duration.ofSeconds(30)));
            }
            t.upload(f, remote);
        }
        long before = System.currentTimeMillis();
        Result clock = t.run(Command.of("date +%s%3N").withTimeout(Duration.ofSeconds(30)));
        long after = System.currentTimeMillis();
        a.offsetMillis = Long.parseLong(clock.stdout().strip()) - (before + after) / 2;
    }

    /** The plan's own files and the feeds of its scenarios, all below the plan's directory. */
    private List<Path> planFiles() {
        Set<Path> files = new LinkedHashSet<>();
        files.add(plan.file().toAbsolutePath().normalize());
        plan.environments()
                .values()
                .forEach(e -> files.add(e.location().file().toAbsolutePath().normalize()));
        plan.scenarios().values().forEach(s -> {
            files.add(s.location().file().toAbsolutePath().normalize());
            if (s.feed() != null) {
                files.add(plan.directory().resolve(s.feed().file()).normalize());
            }
        });
        plan.loadTests()
                .values()
                .forEach(t -> files.add(t.location().file().toAbsolutePath().normalize()));
        plan.drills()
                .values()
                .forEach(d -> files.add(d.location().file().toAbsolutePath().normalize()));
        plan.runbooks()
                .values()
                .forEach(r -> files.add(r.location().file().toAbsolutePath().normalize()));
        plan.checks()
                .forEach(c -> files.add(c.location().file().toAbsolutePath().normalize()));
        for (Path f : files) {
            if (!f.startsWith(plan.directory())) {
                throw new IllegalArgumentException("the plan's file " + f + " is outside its directory "
                        + plan.directory() + "; a distributed run copies the plan's directory only");
            }
        }
        return new ArrayList<>(files);
    }

    private void stopAll() {
        for (Agent a : agents.values()) {
            if (a.home != null) {
                Thread.ofVirtual()
                        .start(() -> hosts.target(a.host)
                                .run(Command.of("[ -s " + q(a.pidFile()) + " ] && kill $(cat " + q(a.pidFile())
                                                + ") 2>/dev/null; true")
                                        .withTimeout(Duration.ofSeconds(30))));
            }
        }
    }

    private void each(Consumer<Agent> work) {
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Agent a : agents.values()) {
                futures.add(pool.submit(() -> work.accept(a)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while preparing the generators");
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String q(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Finds a Java 21 or newer on the generator: JAVA_HOME, PATH, then /usr/lib/jvm. */
    private static final String JAVA = """
            find_java() {
              for j in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java; do
                [ -n "$j" ] && [ -x "$j" ] || continue
                v=$("$j" -version 2>&1 | sed -n 's/.*version "\\([0-9]*\\).*/\\1/p' | head -1)
                [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null && { echo "$j"; return; }
              done
              echo ""
            }
            """;
}
