package dev.golive.cli;

import dev.golive.load.AgentLines;
import dev.golive.load.LoadListener;
import dev.golive.load.LoadResult;
import dev.golive.load.LoadRunner;
import dev.golive.load.Part;
import dev.golive.load.Sample;
import dev.golive.load.WarmUp;
import dev.golive.plan.Durations;
import dev.golive.plan.Environment;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.scenario.Timeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The load agent that {@code golive load --generators} starts on each generator host: runs its
 * part of the test from the shared start time and prints every second's figures for the
 * controller. Not for people to run.
 */
@Command(name = "agent", hidden = true, description = "Run a part of a load test for a controller (internal).")
final class AgentCommand implements Runnable {
    private final Context context;

    @Parameters(index = "0", paramLabel = "ENV")
    String environment;

    @Parameters(index = "1", paramLabel = "TEST")
    String test;

    @Option(names = "--part", required = true, paramLabel = "N/OF")
    String part;

    @Option(names = "--start-at", required = true, paramLabel = "EPOCH_MILLIS")
    long startAt;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "0ms")
    String warmUp;

    @Option(names = "--pid-file", paramLabel = "FILE")
    String pidFile;

    @Option(names = "--secrets-stdin", description = "Read NAME=value secrets from standard input.")
    boolean secretsFromInput;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60")
    int timeout;

    @Option(
            names = {"-f", "--plan"},
            paramLabel = "PLAN",
            defaultValue = "golive.yaml")
    String planFile;

    AgentCommand(Context context) {
        this.context = context;
    }

    /**
     * Readies the engine ({@link WarmUp}) for as long as the controller asked, or as long as the
     * time left before the start allows, keeping half a second spare. Only a warm-up that could not
     * be done is said, on standard error: standard output speaks to the controller, and the
     * controller shows an agent's last line there when the agent fails.
     */
    private void warmUp() {
        Duration asked = Durations.parse(warmUp);
        long left = startAt - System.currentTimeMillis() - 500;
        Duration d = asked.compareTo(Duration.ofMillis(left)) < 0 ? asked : Duration.ofMillis(left);
        if (d.toMillis() < 500) {
            return;
        }
        try {
            WarmUp.run(d);
        } catch (IOException | RuntimeException e) {
            context.err().println("warm-up skipped: " + e.getMessage());
        }
    }

    @Override
    public void run() {
        Map<String, String> env = new HashMap<>(context.env());
        if (secretsFromInput) {
            context.in().lines().forEach(line -> {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq).strip(), line.substring(eq + 1));
                }
            });
        }
        Plan plan = new PlanLoader(env, null).allowingMissingSecrets().load(context.resolve(planFile));
        Environment target = Workspace.environment(plan, environment);
        LoadTest load = plan.loadTests().get(test);
        if (load == null) {
            throw new UsageException("no load test '" + test + "' in the plan");
        }
        Part share;
        try {
            share = Part.parse(part);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        writePid();
        warmUp();
        long wait = startAt - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LoadRunner runner = new LoadRunner(
                        plan,
                        target,
                        new Timeouts(Duration.ofSeconds(Math.min(timeout, 10)), Duration.ofSeconds(timeout)))
                .part(share);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.stop("the agent was stopped");
            try {
                // The controller is told how far this part got before the JVM goes.
                ended.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LoadResult result = runner.run(load, new LoadListener() {
                @Override
                public void second(Sample sample, String status) {
                    print(AgentLines.second(sample));
                }
            });
            print(AgentLines.end(result));
        } finally {
            ended.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down
        }
    }

    private synchronized void print(String line) {
        context.out().println(line);
        context.out().flush();
    }

    private void writePid() {
        if (pidFile == null) {
            return;
        }
        try {
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
