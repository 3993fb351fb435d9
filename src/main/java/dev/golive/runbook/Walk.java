package dev.golive.runbook;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Walks a run with an operator: runs the ready automatic steps (independent ones in parallel),
 * shows the instructions of manual steps and takes their confirmation, asks for gate decisions,
 * and asks for the environment's name typed back before a step that changes production.
 */
public final class Walk {
    private static final long POLL_MILLIS = 2000;

    private final Runbooks runbooks;
    private final String runId;
    private final String actor;
    private final Operator operator;
    private final String confirmedEnvironment;
    private final boolean wait;
    private final PrintWriter out;

    /**
     * @param confirmedEnvironment the environment's name given up front (for scripts), or null to
     *     ask before each step that changes a protected environment
     * @param wait keep waiting for other people's confirmations and approvals instead of returning
     */
    public Walk(
            Runbooks runbooks,
            String runId,
            String actor,
            Operator operator,
            String confirmedEnvironment,
            boolean wait) {
        this.runbooks = runbooks;
        this.runId = runId;
        this.actor = actor;
        this.operator = operator;
        this.confirmedEnvironment = confirmedEnvironment;
        this.wait = wait;
        this.out = operator.out();
    }

    /** Walks until the run ends, or until nothing more can be done here; returns the run as it is then. */
    public RunView run() throws InterruptedException {
        boolean toldWaiting = false;
        while (true) {
            RunView view = runbooks.view(runId);
            if (!view.active()) {
                out.println("Run " + runId + " has ended: " + view.outcome() + ".");
                return view;
            }
            if (blocked(view)) {
                return view;
            }
            if (progress(view)) {
                toldWaiting = false;
                continue;
            }
            if (!wait) {
                out.println("Nothing more can be done here now. " + waitingText(view));
                return view;
            }
            if (!toldWaiting) {
                out.println(waitingText(view) + " (waiting; Ctrl-C to leave)");
                toldWaiting = true;
            }
            out.flush();
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean blocked(RunView view) {
        List<StepView> doubt = view.with(StepStatus.IN_DOUBT);
        if (!doubt.isEmpty()) {
            out.println(
                    "Step " + doubt.get(0).id() + " is in doubt: the golive that ran it stopped before it finished. "
                            + "Verify what happened, then: golive runbook resume");
            return true;
        }
        for (StepView s : view.with(StepStatus.FAILED)) {
            if (!"continue".equals(s.onFailure()) && s.rollback() == view.rollingBack()) {
                out.println("Step " + s.id() + " failed: " + s.reason() + "\nDecide: golive runbook resolve " + s.id()
                        + " --as rerun|done --reason ..., skip it with a second person, roll back, or abort.");
                return true;
            }
        }
        for (StepView s : view.with(StepStatus.REJECTED)) {
            out.println("Gate " + s.id() + " was rejected: " + s.reason()
                    + "\nThe open is postponed: golive runbook rollback --reason ..., or abort.");
            return true;
        }
        return false;
    }

    private boolean progress(RunView view) throws InterruptedException {
        List<StepView> ready = view.with(StepStatus.READY);
        List<StepView> automatic = ready.stream()
                .filter(s -> !s.human() && !refused.contains(s.id()))
                .toList();
        if (!automatic.isEmpty() && runAutomatic(view, automatic)) {
            return true;
        }
        for (StepView s : ready.stream().filter(StepView::human).toList()) {
            if (s.kind().equals("manual") ? manual(s) : gate(s)) {
                return true;
            }
        }
        return false;
    }

    private boolean runAutomatic(RunView view, List<StepView> steps) throws InterruptedException {
        List<StepView> go = new ArrayList<>();
        for (StepView s : steps) {
            if (typed(view, s) == null) {
                refused.add(s.id());
            } else {
                go.add(s);
            }
        }
        if (go.isEmpty()) {
            return false;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (StepView s : go) {
                out.println("Running " + s.kind() + " step " + s.id() + (s.title() == null ? "" : ": " + s.title()));
                out.flush();
                running.add(pool.submit(() -> {
                    RunView after = runbooks.execute(runId, s.id(), actor, typed(view, s), out);
                    report(after, s.id());
                    return null;
                }));
            }
            for (Future<?> f : running) {
                await(f);
            }
        }
        return true;
    }

    private void await(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private final java.util.Set<String> refused = new java.util.LinkedHashSet<>();

    /** The steps whose environment name was not typed back in this walk; they were not run. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private final java.util.Map<String, String> typedFor = new java.util.concurrent.ConcurrentHashMap<>();

    /** The environment's name as typed for this step; "" when none is needed; null when refused. */
    private String typed(RunView view, StepView s) {
        if (!s.changing() || !view.protectedEnvironment() || view.dryRun()) {
            return "";
        }
        if (confirmedEnvironment != null) {
            return confirmedEnvironment;
        }
        return typedFor.computeIfAbsent(s.id(), id -> {
            String answer = operator.ask("Step " + id + " changes " + view.environment() + ": " + s.target()
                    + "\nType the environment's name to go on: ");
            if (answer == null || !answer.strip().equals(view.environment())) {
                out.println("Not confirmed: step " + id + " was not run.");
                return null;
            }
            return answer.strip();
        });
    }

    private void report(RunView after, String id) {
        StepView s = after.step(id).orElseThrow();
        synchronized (out) {
            out.println("Step " + id + ": " + s.status().word() + (s.reason() == null ? "" : ": " + s.reason()));
            out.flush();
        }
    }

    private boolean manual(StepView s) {
        out.println();
        out.println(
                "Manual step " + s.id() + (s.owner() == null ? "" : " (owner " + s.owner() + ")") + ": " + s.target());
        if (s.instructions() != null) {
            out.println("  " + s.instructions().replace("\n", "\n  "));
        }
        String answer = operator.ask("Done? [y]es, [f]ailed, [l]ater: ");
        if (answer == null || answer.isBlank() || answer.strip().startsWith("l")) {
            return false;
        }
        if (answer.strip().startsWith("y")) {
            return attempt(() -> runbooks.confirm(runId, s.id(), actor, null));
        }
        String reason = operator.ask("Why did it fail? ");
        return attempt(() -> runbooks.fail(runId, s.id(), actor, reason));
    }

    private boolean gate(StepView s) {
        if (s.approvals().stream().anyMatch(a -> a.startsWith(actor + " as "))) {
            return false;
        }
        out.println();
        out.println("Gate " + s.id() + ": " + s.target() + " (waiting for " + String.join(", ", s.waitingFor()) + ")");
        String answer = operator.ask("Your decision as " + actor + ": [y]es, [n]o, [l]ater: ");
        if (answer == null || answer.isBlank() || answer.strip().startsWith("l")) {
            return false;
        }
        if (answer.strip().startsWith("y")) {
            return attempt(() -> runbooks.approve(runId, s.id(), actor));
        }
        String reason = operator.ask("Why not? ");
        return attempt(() -> runbooks.reject(runId, s.id(), actor, reason));
    }

    private boolean attempt(java.util.function.Supplier<RunView> action) {
        try {
            action.get();
            return true;
        } catch (RunbookException e) {
            out.println(e.getMessage());
            return false;
        }
    }

    private String waitingText(RunView view) {
        List<String> parts = new ArrayList<>();
        for (StepView s : view.with(StepStatus.READY)) {
            if (!s.human()) {
                parts.add(s.id() + " waits for the environment's name to be typed back");
                continue;
            }
            parts.add(
                    s.kind().equals("gate")
                            ? "gate " + s.id() + " waits for " + String.join(", ", s.waitingFor())
                            : s.id() + " waits for " + (s.owner() == null ? "its confirmation" : s.owner()));
        }
        view.with(StepStatus.RUNNING).forEach(s -> parts.add(s.id() + " is running"));
        return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
    }
}
