package dev.golive.runbook.crash;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.runbook.Operator;
import dev.golive.runbook.Runbooks;
import dev.golive.runbook.Walk;
import dev.golive.store.Store;
import dev.golive.target.SshSettings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Run in a child JVM by the crash tests: starts the runbook {@value #RUNBOOK} in {@value
 * #ENVIRONMENT} and walks it to the end, as {@code golive runbook go} does, until it is killed.
 * It prints {@code opened} once the store and plan are open, {@code started RUN} once the run is
 * committed, and the walk's own lines, among them {@code Step ID: done} once a step's end is
 * committed. Arguments: store URL or {@code -} for H2, store directory, plan file, marker file.
 */
final class WalkUntilKilled {
    static final String RUNBOOK = "night";
    static final String ENVIRONMENT = "staging";
    static final String ACTOR = "night-shift";

    private WalkUntilKilled() {}

    public static void main(String[] arguments) throws InterruptedException {
        String url = arguments[0].equals("-") ? null : arguments[0];
        Store store = Store.open(url, Path.of(arguments[1]), UnaryOperator.identity());
        Plan plan = new PlanLoader(Map.of("MARKER", arguments[3]), null).load(Path.of(arguments[2]));
        Runbooks runbooks = new Runbooks(plan, store, Clock.systemDefaultZone(), SshSettings.forPlan(plan.directory()));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        print(out, "opened");
        String runId = runbooks.start(RUNBOOK, ENVIRONMENT, ACTOR, Runbooks.StartOptions.real())
                .runId();
        print(out, "started " + runId);
        new Walk(runbooks, runId, ACTOR, silent(out), null, false).run();
        out.flush();
    }

    /** An operator who is never asked anything: the runbook has command steps only. */
    static Operator silent(PrintWriter out) {
        return new Operator() {
            @Override
            public String ask(String question) {
                return null;
            }

            @Override
            public PrintWriter out() {
                return out;
            }
        };
    }

    // Whole lines, flushed at once: a kill leaves a line or none.
    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.print(line + "\n");
            out.flush();
        }
    }
}
