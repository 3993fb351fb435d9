package dev.golive.cli;

import dev.golive.load.Distributed;
import dev.golive.load.LoadListener;
import dev.golive.load.LoadResult;
import dev.golive.load.LoadRunner;
import dev.golive.load.Sample;
import dev.golive.load.SampleWriter;
import dev.golive.load.Verdict;
import dev.golive.load.WarmUp;
import dev.golive.plan.Durations;
import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.scenario.Timeouts;
import dev.golive.store.Run;
import dev.golive.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "load",
        description = {
            "Run a load test of the plan against an environment and check its targets.",
            "Open (arrivals:) or closed (users:). Exits 1 when a target is missed."
        })
final class LoadCommand implements Runnable {
    /** The longest warm-up: enough for the compilers many times over. */
    private static final Duration MAX_WARM_UP = Duration.ofMinutes(1);

    private final Context context;

    @Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment whose entry is used.")
    String environment;

    @Parameters(index = "1", paramLabel = "TEST", description = "The load test.")
    String test;

    @Option(names = "--json", description = "Print the result as JSON; status lines go to standard error.")
    boolean json;

    @Option(names = "--now", description = "Run outside the test's window; needs --reason.")
    boolean now;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the window is overridden, for the journal.")
    String reason;

    @Option(
            names = "--generators",
            paramLabel = "HOST,…",
            description = "Generate the load from these generator hosts of the environment (or all) over SSH.")
    String generators;

    @Option(
            names = "--warm-up",
            paramLabel = "DURATION",
            description = "Ready golive's engine this long against a server of its own on loopback before the"
                    + " test, on this machine or on each generator (default: ${DEFAULT-VALUE}; 0 skips it).",
            defaultValue = "2s")
    String warmUp;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for a response (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int timeout;

    LoadCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = reach.workspace.plan(context);
        Environment env = Workspace.environment(plan, environment);
        LoadTest load = plan.loadTests().get(test);
        if (load == null) {
            throw new UsageException("no load test '" + test + "' in the plan; expected one of "
                    + plan.loadTests().keySet());
        }
        if (timeout <= 0) {
            throw new UsageException("--timeout must be a positive number of seconds, got " + timeout);
        }
        List<Host> from = generators(env);
        Duration warm = warmUp();
        Store store = reach.workspace.open(context, plan);
        String actor = reach.workspace.actor(context);
        checkWindow(load, store, actor);
        if (from.isEmpty() && !warm.isZero()) {
            warmUp(warm);
        }
        Run run = store.runs().start("load", load.name(), env.name(), actor);
        Consumer<String> stopper;
        Function<LoadListener, LoadResult> runner;
        if (from.isEmpty()) {
            LoadRunner local = new LoadRunner(
                    plan, env, new Timeouts(Duration.ofSeconds(Math.min(timeout, 10)), Duration.ofSeconds(timeout)));
            stopper = local::stop;
            runner = listener -> local.run(load, listener);
        } else {
            Distributed distributed = new Distributed(
                            plan,
                            env,
                            from,
                            listener -> reach.hosts(context, plan, env, listener),
                            agentJar(),
                            secrets(),
                            line -> (json ? context.err() : context.out()).println(line))
                    .warmUp(warm);
            stopper = distributed::stop;
            runner = listener -> distributed.run(load, listener);
        }
        SampleWriter writer = new SampleWriter(store.loadSeries(), run.id());
        LoadCaptures captures = new LoadCaptures(context, reach, plan, env, load, store, run.id(), actor);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopper.accept("interrupted by the operator");
            awaitQuietly(finished);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LoadResult result = runner.apply(new LoadListener() {
                @Override
                public void second(Sample sample, String status) {
                    writer.add(sample);
                    if (status != null) {
                        status(status);
                    }
                }

                @Override
                public void capture(String why) {
                    captures.trigger(why);
                }
            });
            captures.await();
            if (!from.isEmpty()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("generators", from.stream().map(Host::name).toList());
                store.journal()
                        .append(run.id(), "load.generators", String.join(", ", g.keySet()), actor, Json.write(g));
            }
            if (live()) {
                context.out().println();
            }
            writer.flush();
            journal(store, run, actor, env, result);
            store.runs().end(run.id(), outcome(result), actor);
            report(run, env, result);
        } finally {
            finished.countDown();
            removeQuietly(hook);
        }
    }

    /** The --warm-up duration: zero to skip it. */
    private Duration warmUp() {
        Duration d = warmUp.strip().equals("0") ? Duration.ZERO : Durations.parse(warmUp);
        if (d == null || d.isNegative() || d.compareTo(MAX_WARM_UP) > 0) {
            throw new UsageException("--warm-up must be a duration of at most " + Durations.format(MAX_WARM_UP)
                    + " such as 2s, or 0 to skip it; got '" + warmUp + "'");
        }
        return d;
    }

    /**
     * Readies the engine before the run starts ({@link WarmUp}). The test runs all the same when
     * it cannot: it then starts with a cold engine, as it did before.
     */
    private void warmUp(Duration duration) {
        PrintWriter to = json ? context.err() : context.out();
        to.println("Warming up golive's engine on loopback for " + Durations.format(duration) + " (the " + environment
                + " environment sees none of it)");
        try {
            WarmUp.Done done = WarmUp.run(duration);
            to.println(String.format(
                    Locale.ROOT,
                    "Warmed up: %,d requests in %s%s",
                    done.requests(),
                    Durations.format(done.elapsed()),
                    done.errors() == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", done.errors())));
        } catch (IOException | RuntimeException e) {
            to.println("Warm-up skipped: " + e.getMessage());
        }
    }

    /** The generator hosts named by --generators, or none for a run from this machine. */
    private List<Host> generators(Environment env) {
        if (generators == null || generators.isBlank()) {
            return List.of();
        }
        List<String> names = generators.strip().equals("all") ? env.generators() : List.of(generators.split(","));
        if (names.isEmpty()) {
            throw new UsageException("environment " + env.name() + " has no generators: list hosts under"
                    + " `generators:` in the environment");
        }
        List<Host> out = new ArrayList<>();
        for (String name : names) {
            String n = name.strip();
            if (!env.generators().contains(n)) {
                throw new UsageException(
                        "'" + n + "' is not a generator of " + env.name() + "; its generators are " + env.generators());
            }
            out.add(env.hosts().get(n));
        }
        return out;
    }

    /** golive's own jar, copied to the generators: the one this runs from, or $GOLIVE_AGENT_JAR. */
    private Path agentJar() {
        String given = context.env().get("GOLIVE_AGENT_JAR");
        if (given != null) {
            return context.resolve(given);
        }
        try {
            Path self = Path.of(LoadCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
                return self;
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // said below
        }
        throw new UsageException("a distributed run copies golive's jar to the generators, and this golive does not"
                + " run from its jar; set GOLIVE_AGENT_JAR to it");
    }

    /** The secrets file's lines, for the agents' standard input (never written on a generator). */
    private String secrets() {
        String file = reach.workspace.planOptions.secrets;
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(context.resolve(file));
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read the secrets file " + file + ": " + e.getMessage());
        }
    }

    private boolean live() {
        return context.terminal() && !json;
    }

    private void status(String line) {
        if (live()) {
            context.out().print("\r" + line + "\u001b[K");
            context.out().flush();
        } else {
            (json ? context.err() : context.out()).println(line);
        }
    }

    private void report(Run run, Environment env, LoadResult result) {
        if (json) {
            Json.print(context.out(), LoadPrinter.json(run.id(), result));
        } else {
            LoadPrinter.print(context.out(), run.id(), result);
        }
        if (!result.passed()) {
            throw new CheckFailedException("load " + result.test() + " on " + env.name() + " (run " + run.id() + "): "
                    + String.join("; ", result.problems()));
        }
    }

    private static String outcome(LoadResult result) {
        if (result.stopped() != null) {
            return result.stopped().startsWith("interrupted") ? "interrupted" : "aborted";
        }
        if (!result.health().valid()) {
            return "invalid";
        }
        return result.passed() ? "passed" : "failed";
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and waits for this run to be stored
        }
    }

    private void checkWindow(LoadTest load, Store store, String actor) {
        LocalTime time = LocalTime.now().truncatedTo(ChronoUnit.MINUTES);
        if (load.window() == null || load.window().contains(time)) {
            return;
        }
        String window = load.window().from() + "-" + load.window().to();
        if (!now) {
            throw new UsageException("load test '" + load.name() + "' may run only in its window " + window + " (it is "
                    + time + "); run it then, or give --now --reason \"why\"");
        }
        if (reason == null || reason.isBlank()) {
            throw new UsageException("--now needs --reason \"why\": overriding the window is written to the journal");
        }
        store.journal()
                .append(
                        null,
                        "load.window-override",
                        load.name() + " outside " + window,
                        actor,
                        Json.write(Map.of("reason", reason.strip())));
    }

    private static void journal(Store store, Run run, String actor, Environment env, LoadResult result) {
        for (Verdict v : result.verdicts()) {
            store.journal()
                    .append(
                            run.id(),
                            v.met() ? "load.target.met" : "load.target.missed",
                            v.scope() + " " + v.target(),
                            actor,
                            Json.write(v));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", env.name());
        data.putAll(LoadPrinter.json(run.id(), result));
        store.journal()
                .append(
                        run.id(),
                        "load." + outcome(result),
                        result.test() + " on " + env.name(),
                        actor,
                        Json.write(data));
    }
}
