package dev.golive.cli;

import dev.golive.capture.Capture;
import dev.golive.capture.Captures;
import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.LoadTest;
import dev.golive.plan.Plan;
import dev.golive.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The automatic captures of a running load test: taken in the background when the monitor asks,
 * one at a time, into the run's capture directory, and journaled with the run.
 */
final class LoadCaptures {
    private final Context context;
    private final Reach reach;
    private final Plan plan;
    private final Environment environment;
    private final LoadTest test;
    private final Store store;
    private final String runId;
    private final String actor;
    private CompletableFuture<Void> running;
    private int taken;

    LoadCaptures(
            Context context,
            Reach reach,
            Plan plan,
            Environment environment,
            LoadTest test,
            Store store,
            String runId,
            String actor) {
        this.context = context;
        this.reach = reach;
        this.plan = plan;
        this.environment = environment;
        this.test = test;
        this.store = store;
        this.runId = runId;
        this.actor = actor;
    }

    /** Starts a capture unless one is still being taken. */
    synchronized void trigger(String why) {
        if (test.capture() == null || (running != null && !running.isDone())) {
            return;
        }
        int n = ++taken;
        running = CompletableFuture.runAsync(() -> take(n, why), Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Waits for the capture being taken, if any. */
    void await() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = running;
        }
        if (last != null) {
            last.exceptionally(e -> null).join();
        }
    }

    private void take(int n, String why) {
        LoadTest.Capture c = test.capture();
        Path directory = plan.directory().resolve(".golive/captures/" + runId + "/" + n);
        store.journal()
                .append(
                        runId,
                        "capture.triggered",
                        test.name() + ": " + why,
                        actor,
                        Json.write(Map.of("reason", why, "services", c.services())));
        context.err().println("capture " + n + " (" + why + "): " + c.services());
        List<Capture> captures;
        try (Captures captor =
                new Captures(environment, listener -> reach.hosts(context, plan, environment, listener))) {
            List<Instance> instances = new ArrayList<>();
            for (String service : c.services()) {
                instances.addAll(environment.instances(service));
            }
            captures = captor.capture(
                    instances, new Captures.Options(c.dumps(), c.every(), c.histogram(), true), directory);
        }
        CaptureReport.journal(store, runId, actor, environment.name(), captures);
        var diagnosis = CaptureReport.diagnose(captures);
        if (diagnosis != null && !diagnosis.findings().isEmpty()) {
            var first = diagnosis.findings().getFirst();
            store.journal()
                    .append(
                            runId,
                            "capture.findings",
                            first.severity() + " " + first.title(),
                            actor,
                            Json.write(Map.of(
                                    "findings",
                                    diagnosis.findings().stream()
                                            .map(f -> f.severity() + " " + f.title())
                                            .toList())));
            context.err().println("capture " + n + " says: " + first.severity() + " " + first.title());
        }
        long ok = captures.stream().filter(Capture::ok).count();
        context.err()
                .println("capture " + n + ": " + ok + " of " + captures.size() + " instances captured into "
                        + plan.directory().relativize(directory));
    }
}
