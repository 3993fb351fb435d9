package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.store.Store;
import dev.golive.store.StoreConfig;
import dev.golive.target.SshSettings;
import dev.golive.testsupport.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runbook engine on a fixture of {@code src/test/resources/runbooks}, with its store in a
 * temporary directory and a clock that stands at {@link #T0} until the test moves it. The plan
 * may use {@code ${env:MARKER}} (a file that commands may create) and {@code ${env:WORK}} (the
 * temporary directory).
 */
final class Harness {
    static final Instant T0 = Instant.parse("2026-12-04T20:00:00Z");

    final TestClock clock = TestClock.at(T0.toString());
    final Path dir;
    final Path marker;
    final Plan plan;
    final Store store;
    final Runbooks runbooks;
    final StringWriter output = new StringWriter();

    private Harness(Path dir, String fixture) {
        this.dir = dir;
        this.marker = dir.resolve("marker");
        this.plan = new PlanLoader(Map.of("MARKER", marker.toString(), "WORK", dir.toString()), null)
                .load(fixture(fixture));
        this.store = Store.open(StoreConfig.of(null, dir).withClock(clock));
        this.runbooks = new Runbooks(plan, store, clock, SshSettings.forPlan(dir));
    }

    static Harness of(Path dir, String fixture) {
        return new Harness(dir, fixture);
    }

    static Path fixture(String name) {
        URL url = Harness.class.getResource("/runbooks/" + name);
        assertThat(url).as("fixture runbooks/%s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a real (not rehearsal, not dry) run and returns its id. */
    String start(String runbook, String environment, String actor) {
        return runbooks.start(runbook, environment, actor, Runbooks.StartOptions.real())
                .runId();
    }

    RunView view(String runId) {
        return runbooks.view(runId);
    }

    StepView step(String runId, String id) {
        return view(runId).step(id).orElseThrow(() -> new AssertionError("no step " + id + " in run " + runId));
    }

    StepStatus status(String runId, String id) {
        return step(runId, id).status();
    }

    /** Every step's status, in the order of the runbook. */
    Map<String, StepStatus> statuses(String runId) {
        Map<String, StepStatus> out = new LinkedHashMap<>();
        view(runId).steps().forEach(s -> out.put(s.id(), s.status()));
        return out;
    }

    RunView execute(String runId, String step, String actor, String typedEnvironment) {
        try {
            return runbooks.execute(runId, step, actor, typedEnvironment, new PrintWriter(output, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a step's intent through the engine's own ledger, as the golive process named {@code
     * runner} ({@code pid@host@start}) would before it runs the step.
     */
    void intent(String runId, String step, String runner) {
        new Ledger(store, Runner::alive)
                .transition(runId, "alice", "start step " + step, state -> Rules.intent(state, step, runner, null));
    }

    /** The name of a golive process of this machine that has ended. */
    static String deadRunner() {
        try {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            return gone.pid() + "@" + Runner.self().split("@")[1] + "@1";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** T0 plus the given minutes. */
    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
