package dev.golive.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.plan.Drill;
import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Plan;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Runners;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.ServiceOptions;
import dev.golive.target.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the drills of one environment: a steady load, the fault, the observation, the restore and
 * the verification, all written to the journal. The restore plan is journaled before the fault,
 * and the restore is done however the drill ends (a failure, {@link #stop}); after a crash,
 * {@link #restorePending} finishes it.
 *
 * <pre>{@code
 * Drills drills = new Drills(plan, environment, hosts, store, "alice");
 * DrillResult result = drills.run(plan.drills().get("one-was-down"), null, DrillListener.NONE);
 * }</pre>
 */
public final class Drills {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration HEALTH = Duration.ofSeconds(5);
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);

    private final Plan plan;
    private final Tools tools;
    private final Store store;
    private final String actor;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile String stopped;

    public Drills(Plan plan, Environment environment, Hosts hosts, Store store, String actor) {
        this.plan = plan;
        ServiceOptions options = ServiceOptions.defaults().withHealthDeadline(START_DEADLINE);
        this.tools = new Tools(environment, new Services(environment, hosts), hosts, options);
        this.store = store;
        this.actor = actor;
    }

    /** What the drill would take down, and whether that is more than the services survive. */
    public BlastRadius blastRadius(Drill drill) {
        return BlastRadius.of(Victims.of(drill, tools.environment()), tools.environment());
    }

    /** Refuses, saying why, a fault the hosts do not allow (a block without iptables or nft). */
    public void check(Drill drill) {
        FaultKind.of(drill.fault().kind(), "check").check(Victims.of(drill, tools.environment()), tools);
    }

    /** Stops a running drill early: its fault is restored at once, and it ends as interrupted. */
    public void stop(String why) {
        stopped = why;
        stop.countDown();
    }

    /**
     * Runs one drill.
     *
     * @param beyondReason why a drill that takes down more than the services survive is run, for
     *     the journal; null refuses such a drill
     * @throws DrillException when the drill cannot be run as declared; nothing was done then
     */
    public DrillResult run(Drill drill, String beyondReason, DrillListener listener) {
        Environment env = tools.environment();
        List<Instance> victims = Victims.of(drill, env);
        BlastRadius radius = BlastRadius.of(victims, env);
        if (!radius.withinSurvivable() && (beyondReason == null || beyondReason.isBlank())) {
            throw new DrillException(
                    "drill " + drill.name() + " would take down " + String.join("; ", radius.beyond()));
        }
        FaultKind kind = FaultKind.of(drill.fault().kind(), "golive-drill-" + Long.toHexString(System.nanoTime()));
        kind.check(victims, tools);
        running(Long.MAX_VALUE).ifPresent(other -> {
            throw new DrillException(other + ": one drill at a time in an environment, or each would measure"
                    + " the other's fault; wait for it, or stop it (Ctrl-C or kill: it restores what it took down)");
        });
        Run run = store.runs().start("drill", drill.name(), env.name(), actor);
        // Names this process, so that a restore run meanwhile knows the drill is still running.
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("environment", env.name());
        started.put("drill", drill.name());
        started.put("runner", Runners.self());
        long seq = journalRun(run.id(), "drill.started", drill.name() + " in " + env.name(), write(started));
        // Two drills that passed the check above at the same moment: the one journaled later yields
        // before its fault.
        Optional<String> earlier = running(seq);
        if (earlier.isPresent()) {
            journal(run, "drill.refused", drill.name() + " in " + env.name(), Map.of("because", earlier.get()));
            store.runs().end(run.id(), "refused", actor);
            throw new DrillException(earlier.get() + ", started just before this one: one drill at a time in an"
                    + " environment; nothing was taken down");
        }
        if (!radius.withinSurvivable()) {
            journal(
                    run,
                    "drill.beyond-survivable",
                    drill.name() + " in " + env.name() + ": " + String.join("; ", radius.beyond()),
                    Map.of("reason", beyondReason.strip(), "beyond", radius.beyond(), "instances", radius.instances()));
        }
        try {
            Phases phases = new Phases(drill, run, kind, victims, listener);
            DrillResult result = phases.run(radius);
            journal(run, "drill." + result.outcome(), drill.name() + " in " + env.name(), result.json());
            store.runs().end(run.id(), result.outcome(), actor);
            return result;
        } catch (RuntimeException e) {
            store.runs().end(run.id(), "failed", actor);
            throw e;
        }
    }

    /**
     * A restore finished by {@link #restorePending}.
     *
     * @param runId the drill's run
     * @param drill the drill's name
     * @param done what the restore did
     */
    public record Restored(String runId, String drill, List<Done> done) {
        public boolean ok() {
            return done.stream().allMatch(Done::ok);
        }
    }

    /**
     * Finishes every restore of this environment that a drill journaled but never recorded as
     * done (golive was killed, the host went away): starts, continues and unblocks, and ends the
     * drill's run as interrupted.
     *
     * @throws DrillException while a drill of this environment runs (its run has not ended and the
     *     golive that runs it is alive): that drill restores its own fault
     */
    public List<Restored> restorePending(DrillListener listener) {
        refuseWhileRunning();
        List<Restored> out = new ArrayList<>();
        for (JournalEntry plan : store.journal().list(JournalQuery.all().withKind("drill.restore-plan"))) {
            JsonNode data = read(plan.data());
            if (!tools.environment().name().equals(data.path("environment").asText()) || done(plan)) {
                continue;
            }
            String drill = data.path("drill").asText();
            List<RestoreStep> steps = steps(data.path("steps"));
            listener.phase("restore: drill " + drill + " of run " + plan.runId() + ": " + describe(steps));
            List<Done> done = Restorer.run(steps, tools);
            done.forEach(d -> listener.phase("  " + d.instance() + ": " + d.detail()));
            boolean ok = done.stream().allMatch(Done::ok);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("by", "drill restore");
            record.put("done", done);
            journalRun(
                    plan.runId(),
                    ok ? "drill.restored" : "drill.restore-failed",
                    drill + " in " + tools.environment().name(),
                    record);
            store.runs()
                    .find(plan.runId())
                    .filter(r -> !r.ended())
                    .ifPresent(r -> store.runs().end(r.id(), "interrupted", actor));
            out.add(new Restored(plan.runId(), drill, done));
        }
        return out;
    }

    private void refuseWhileRunning() {
        String env = tools.environment().name();
        running(Long.MAX_VALUE).ifPresent(other -> {
            throw new DrillException(other + "; stop it first (Ctrl-C or kill: it restores what it took down),"
                    + " then run golive drill restore " + env + " if needed");
        });
    }

    /**
     * A drill of this environment journaled before {@code beforeSeq} whose run has not ended and
     * whose golive is alive, as "drill NAME is running (run ID, RUNNER)"; empty when there is none.
     */
    private Optional<String> running(long beforeSeq) {
        String env = tools.environment().name();
        for (JournalEntry started : store.journal().list(JournalQuery.all().withKind("drill.started"))) {
            JsonNode data = read(started.data());
            String runner = data.path("runner").asText(null);
            if (started.seq() >= beforeSeq
                    || !env.equals(data.path("environment").asText())) {
                continue;
            }
            boolean open =
                    store.runs().find(started.runId()).filter(r -> !r.ended()).isPresent();
            if (open && Runners.alive(runner)) {
                return Optional.of("drill " + data.path("drill").asText() + " is running (run " + started.runId() + ", "
                        + Runners.describe(runner) + ")");
            }
        }
        return Optional.empty();
    }

    private boolean done(JournalEntry plan) {
        return store.journal().list(JournalQuery.all().withRunId(plan.runId())).stream()
                .anyMatch(e -> e.kind().equals("drill.restored") && e.seq() > plan.seq());
    }

    private static List<RestoreStep> steps(JsonNode steps) {
        List<RestoreStep> out = new ArrayList<>();
        for (JsonNode s : steps) {
            List<Long> pids = new ArrayList<>();
            s.path("pids").forEach(p -> pids.add(p.asLong()));
            out.add(new RestoreStep(
                    s.path("action").asText(),
                    s.path("instance").asText(),
                    pids,
                    s.path("undo").isTextual() ? s.path("undo").asText() : null));
        }
        return out;
    }

    static String describe(List<RestoreStep> steps) {
        return String.join(
                ", ", steps.stream().map(s -> s.action() + " " + s.instance()).toList());
    }

    private void journal(Run run, String kind, String subject, Map<String, Object> data) {
        journalRun(run.id(), kind, subject, data);
    }

    private void journalRun(String runId, String kind, String subject, Map<String, Object> data) {
        journalRun(runId, kind, subject, write(data));
    }

    private long journalRun(String runId, String kind, String subject, String data) {
        return store.journal().append(runId, kind, subject, actor, data);
    }

    static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write drill data as JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drill's journal entry cannot be read: " + e.getMessage(), e);
        }
    }

    /** One drill's phases, in order; the restore is done however they end. */
    private final class Phases {
        private final Drill drill;
        private final Run run;
        private final FaultKind kind;
        private final List<Instance> victims;
        private final DrillListener listener;
        private final Timeline timeline;
        private Marks marks = Marks.none();
        private List<RestoreStep> steps = List.of();
        private List<Done> fault = List.of();
        private List<Done> survivors = List.of();
        private List<Done> restore = List.of();
        private boolean restored;

        Phases(Drill drill, Run run, FaultKind kind, List<Instance> victims, DrillListener listener) {
            this.drill = drill;
            this.run = run;
            this.kind = kind;
            this.victims = victims;
            this.listener = listener;
            this.timeline = new Timeline(listener::status);
        }

        DrillResult run(BlastRadius radius) {
            SteadyLoad load = new SteadyLoad(plan, tools.environment(), drill, timeline);
            load.start();
            try {
                try {
                    baseline(load);
                    if (stopped == null && load.failure() == null) {
                        faultAndObserve();
                    }
                } finally {
                    restore();
                }
                verify();
            } finally {
                load.close();
            }
            marks = marks.withEnd(timeline.now());
            String why = stopped != null ? stopped : load.failure();
            Figures figures = Measure.of(
                    timeline.seconds(), marks, (int) drill.expect().stable().toSeconds());
            List<Verdict> verdicts = Judge.of(drill, figures, fault, survivors, restore, why);
            return new DrillResult(
                    run.id(),
                    drill.name(),
                    tools.environment().name(),
                    drill.fault().kind(),
                    drill.rate(),
                    radius,
                    marks,
                    figures,
                    fault,
                    survivors,
                    restore,
                    verdicts,
                    why);
        }

        private void baseline(SteadyLoad load) {
            listener.phase("baseline: " + drill.scenario() + " at " + rate() + " for "
                    + drill.baseline().toSeconds() + " s (run " + run.id() + ")");
            try {
                if (!timeline.awaitStart(60) && load.failure() == null) {
                    stop("the drill's load did not start within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
            }
            pauseUntil(drill.baseline().toMillis() / 1000.0);
        }

        private void faultAndObserve() {
            steps = kind.prepare(victims, tools);
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("environment", tools.environment().name());
            plan.put("drill", drill.name());
            plan.put("steps", steps);
            journal(
                    run,
                    "drill.restore-plan",
                    drill.name() + " in " + tools.environment().name() + ": " + describe(steps),
                    plan);
            timeline.phase("fault");
            marks = marks.withFault(timeline.now());
            listener.phase("fault: " + drill.fault().kind() + " "
                    + String.join(
                            ", ", steps.stream().map(RestoreStep::instance).toList()));
            fault = kind.apply(steps, tools);
            // Journaled before it is said, so that whoever sees it done finds it in the journal.
            journal(run, "drill.fault", drill.name() + ": " + drill.fault().kind(), Map.of("done", fault));
            fault.forEach(d -> listener.phase("  " + d.instance() + ": " + d.detail()));
            marks = marks.withFaulted(timeline.now());
            timeline.phase("observe");
            double end = marks.fault() + drill.fault().duration().toMillis() / 1000.0;
            listener.phase(
                    "observe: the fault lasts " + drill.fault().duration().toSeconds() + " s");
            pauseUntil(marks.fault() + (end - marks.fault()) / 2);
            survivors = survivors();
            survivors.forEach(d -> listener.phase("  survivor " + d.instance() + ": " + d.detail()));
            pauseUntil(end);
        }

        /** The other instances of the services hit, asked for their health during the fault. */
        private List<Done> survivors() {
            if (stopped != null || !drill.expect().survivors()) {
                return List.of();
            }
            List<String> hit = victims.stream().map(Instance::id).toList();
            List<Done> out = new ArrayList<>();
            victims.stream()
                    .map(i -> i.service().name())
                    .distinct()
                    .forEach(s -> tools.environment().instances(s).stream()
                            .filter(i -> !hit.contains(i.id()) && Services.healthUrl(i) != null)
                            .forEach(i -> {
                                var h = tools.services().health(i, HEALTH, null);
                                out.add(new Done(i.id(), h.ok(), h.detail()));
                            }));
            return out;
        }

        private synchronized void restore() {
            if (restored || steps.isEmpty()) {
                return;
            }
            restored = true;
            timeline.phase("restore");
            marks = marks.withRestore(timeline.now());
            listener.phase("restore: " + describe(steps));
            restore = Restorer.run(steps, tools);
            restore.forEach(d -> listener.phase("  " + d.instance() + ": " + d.detail()));
            boolean ok = restore.stream().allMatch(Done::ok);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("by", "drill");
            data.put("done", restore);
            journal(
                    run,
                    ok ? "drill.restored" : "drill.restore-failed",
                    drill.name() + " in " + tools.environment().name(),
                    data);
            marks = marks.withRestored(timeline.now());
        }

        private void verify() {
            if (marks.restored() < 0) {
                return;
            }
            timeline.phase("verify");
            long stable = drill.expect().stable().toSeconds() + 1;
            double seconds = Math.max(drill.verify().toSeconds(), stable);
            listener.phase("verify: load for " + (long) seconds + " s after the restore");
            pauseUntil(marks.restored() + seconds);
        }

        private void pauseUntil(double second) {
            long millis = (long) ((second - timeline.now()) * 1000);
            try {
                if (millis > 0) {
                    stop.await(millis, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Drills.this.stop("interrupted");
            }
        }

        private void stop(String why) {
            Drills.this.stop(why);
        }

        private String rate() {
            double r = drill.rate();
            return (r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r)) + "/s";
        }
    }
}
