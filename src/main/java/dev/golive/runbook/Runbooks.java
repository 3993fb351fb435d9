package dev.golive.runbook;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.plan.Runbook;
import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.SshSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runbook engine: starts runs, takes people's confirmations, approvals and decisions, and runs
 * the automatic steps. The command line and the dashboard both act through it; every change is
 * committed to the journal before the action it announces.
 */
public final class Runbooks {
    private final Plan plan;
    private final Store store;
    private final Ledger ledger;
    private final Clock clock;
    private final Map<String, StepAction> actions;
    private final SshSettings ssh;

    public Runbooks(Plan plan, Store store, Clock clock, SshSettings ssh) {
        this.plan = plan;
        this.store = store;
        this.ledger = new Ledger(store, Runner::alive);
        this.clock = clock;
        this.ssh = ssh;
        this.actions = Map.of("command", new CommandAction(), "wait", new WaitAction(), "check", new CheckAction());
    }

    /**
     * Starts a run of a runbook in an environment.
     *
     * @param options rehearsal and dry-run, and a run whose actual durations become the planned ones
     */
    public RunView start(String name, String environment, String actor, StartOptions options) {
        Runbook runbook = Optional.ofNullable(plan.runbooks().get(name))
                .orElseThrow(() -> new RunbookException("no runbook named '" + name + "' in the plan; defined: "
                        + plan.runbooks().keySet()));
        Environment env = environment(environment);
        List<String> unavailable = new ArrayList<>();
        runbook.steps().forEach(s -> available(s, options.dryRun(), unavailable));
        runbook.rollback().forEach(s -> available(s, options.dryRun(), unavailable));
        if (!unavailable.isEmpty()) {
            throw new RunbookException("this golive cannot run these steps yet: " + String.join(", ", unavailable)
                    + "; start with --dry-run to walk through them, printing what they would do");
        }
        runbook.steps().forEach(s -> passable(s, actor));
        runbook.rollback().forEach(s -> passable(s, actor));
        Map<String, Duration> planned =
                options.plannedFrom() == null ? Map.of() : actualDurations(options.plannedFrom());
        Snapshot snapshot = new Snapshot(
                name,
                env.name(),
                Protection.isProtected(plan, env),
                options.rehearsal(),
                options.dryRun(),
                actor,
                defs(runbook.steps(), false, planned),
                defs(runbook.rollback(), true, planned),
                plan.people());
        Run run = ledger.start(snapshot);
        return view(run.id());
    }

    /** The run as it stands now. */
    public RunView view(String runId) {
        return Views.of(ledger.load(runId), clock.instant(), clock.getZone());
    }

    /** The run given, else the active run of the environment given, else the only active run, else the latest. */
    public String runId(String runId, String environment) {
        if (runId != null) {
            return runId;
        }
        if (environment != null) {
            return ledger.activeRun(environment)
                    .orElseThrow(() -> new RunbookException("no runbook run is active in " + environment));
        }
        List<String> active = ledger.activeRuns();
        if (active.size() == 1) {
            return active.get(0);
        }
        if (!active.isEmpty()) {
            throw new RunbookException(
                    "several runbook runs are active (" + active + "): name one with --run ID or --env ENV");
        }
        return store.runs().recent(50).stream()
                .filter(r -> r.kind().equals("runbook"))
                .map(dev.golive.store.Run::id)
                .findFirst()
                .orElseThrow(() -> new RunbookException(
                        "no runbook run yet; start one with: golive runbook start NAME --env ENV"));
    }

    /** The ids of the runs still going, one per environment at most. */
    public List<String> activeRuns() {
        return ledger.activeRuns();
    }

    public RunView confirm(String runId, String step, String actor, String note) {
        return act(runId, actor, "confirm step " + step, run -> Rules.confirm(run, step, note));
    }

    public RunView fail(String runId, String step, String actor, String reason) {
        return act(runId, actor, "fail step " + step, run -> Rules.fail(run, step, reason));
    }

    public RunView skip(String runId, String step, String actor, String reason, String approvedBy) {
        return act(runId, actor, "skip step " + step, run -> Rules.skip(run, step, actor, reason, approvedBy));
    }

    public RunView approve(String runId, String gate, String actor) {
        return act(runId, actor, "approve gate " + gate, run -> Rules.approve(run, gate, actor));
    }

    public RunView reject(String runId, String gate, String actor, String reason) {
        return act(runId, actor, "reject gate " + gate, run -> Rules.reject(run, gate, actor, reason));
    }

    public RunView abort(String runId, String actor, String reason) {
        return act(runId, actor, "abort", run -> Rules.abort(run, reason));
    }

    public RunView rollback(String runId, String actor, String reason) {
        return act(runId, actor, "roll back", run -> Rules.rollback(run, reason));
    }

    /** Settles a step in doubt or failed: {@code done}, {@code rerun} or {@code failed}, with a reason. */
    public RunView resolve(String runId, String step, String actor, String as, String reason) {
        return act(runId, actor, "resolve step " + step, run -> Rules.resolve(run, step, as, reason));
    }

    /**
     * Runs one ready automatic step: its intent is committed first, then the action runs, then its
     * result is committed. A crash between the two leaves the step in doubt, never silently re-run.
     *
     * @param typedEnvironment the environment's name as the operator typed it back; needed for
     *     steps that change a protected environment
     */
    public RunView execute(String runId, String step, String actor, String typedEnvironment, PrintWriter out)
            throws InterruptedException {
        String runner = Runner.self();
        RunState state = ledger.transition(
                runId, actor, "start step " + step, run -> Rules.intent(run, step, runner, typedEnvironment));
        StepDef def = state.step(step).def;
        ledger.transition(runId, actor, "record the launch of step " + step, run -> Rules.launched(run, step, runner));
        StepAction.Outcome outcome = perform(def, state.snapshot, out);
        ledger.transition(
                runId, actor, "record the end of step " + step, run -> Rules.finished(run, step, runner, outcome));
        return view(runId);
    }

    private StepAction.Outcome perform(StepDef def, Snapshot snapshot, PrintWriter out) throws InterruptedException {
        if (snapshot.dryRun() && def.changing()) {
            return StepAction.Outcome.done("dry run: not done: " + def.kind() + " " + def.target());
        }
        Environment env = environment(snapshot.environment());
        OutputListener listener = (host, error, line) -> {
            synchronized (out) {
                out.println("  " + host + " | " + line);
                out.flush();
            }
        };
        try (Hosts hosts = new Hosts(env.hosts(), ssh, listener)) {
            return actions.get(def.kind()).run(def, new ActionContext(plan, env, hosts, clock, out));
        } catch (RuntimeException e) {
            // The step's end is recorded either way: a failure with its reason leaves no doubt.
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            return StepAction.Outcome.failed(reason, null);
        }
    }

    private RunView act(String runId, String actor, String what, Ledger.Decision decision) {
        RunState state = ledger.transition(runId, actor, what, decision);
        return Views.of(state, clock.instant(), clock.getZone());
    }

    private void available(Runbook.RunbookStep s, boolean dryRun, List<String> unavailable) {
        boolean known = StepDef.HUMAN.contains(s.kind()) || actions.containsKey(s.kind());
        boolean printed = dryRun && StepDef.CHANGING.contains(s.kind());
        if (!known && !printed) {
            unavailable.add(s.id() + " (" + s.kind() + ")");
        }
    }

    /** A gate that only the starter could approve would hold the run for ever: refuse to start it. */
    private void passable(Runbook.RunbookStep s, String starter) {
        if (!s.kind().equals("gate")) {
            return;
        }
        java.util.Set<String> people = new java.util.TreeSet<>();
        for (String approver : s.approvers()) {
            boolean role = plan.people().values().stream().anyMatch(roles -> roles.contains(approver));
            if (!role) {
                people.add(approver);
            }
            plan.people().keySet().stream()
                    .filter(p -> plan.answersFor(p, approver))
                    .forEach(people::add);
        }
        people.remove(starter);
        if (people.isEmpty()) {
            throw new RunbookException("gate " + s.id() + " could only be approved by " + starter + ", who is starting "
                    + "the run, and a gate is never passed by the starter alone: let someone else start it, or "
                    + "add an approver");
        }
    }

    private Environment environment(String name) {
        return plan.environment(name)
                .orElseThrow(() -> new RunbookException("no environment named '" + name + "' in the plan; defined: "
                        + plan.environments().keySet()));
    }

    private Map<String, Duration> actualDurations(String runId) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (StepView s : view(runId).steps()) {
            if (s.actualStart() != null && s.actualEnd() != null && s.status() == StepStatus.DONE) {
                out.put(s.id(), Duration.between(s.actualStart(), s.actualEnd()));
            }
        }
        return out;
    }

    private static List<StepDef> defs(
            List<Runbook.RunbookStep> steps, boolean rollback, Map<String, Duration> planned) {
        return steps.stream()
                .map(s -> StepDef.of(s, rollback, planned.get(s.id())))
                .toList();
    }

    /**
     * How a run is started.
     *
     * @param rehearsal a rehearsal, not the real thing
     * @param dryRun steps that change the environment are printed, not done
     * @param plannedFrom a run whose actual durations become this run's planned durations, or null
     */
    public record StartOptions(boolean rehearsal, boolean dryRun, String plannedFrom) {
        public static StartOptions real() {
            return new StartOptions(false, false, null);
        }
    }
}
