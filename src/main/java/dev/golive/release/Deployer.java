package dev.golive.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Plan;
import dev.golive.release.InstanceResult.Outcome;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.Services;
import dev.golive.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Rolling deploys of one environment: instance by instance (or a batch at a time), stopping at
 * the first failure with the failed instance put back on its previous release and the rest left
 * as they were. Each deploy is a run that holds the environment; every instance is written to the
 * ledger before it is touched and when it is done, so a deploy that was killed can be told and
 * finished ({@link #resume}).
 *
 * <pre>{@code
 * Deployer deployer = new Deployer(plan, env, hosts, store, releases, actor, listener);
 * DeployReport report = deployer.deploy(releases.get("1.4.2"), deployer.instances("was"), 1, "deploy");
 * }</pre>
 */
public final class Deployer {
    private final Plan plan;
    private final Environment environment;
    private final Hosts hosts;
    private final Store store;
    private final Releases releases;
    private final Ledger ledger;
    private final String actor;
    private final DeployListener listener;
    private BiConsumer<Target, String> afterUpload = (target, path) -> {};

    public Deployer(
            Plan plan,
            Environment environment,
            Hosts hosts,
            Store store,
            Releases releases,
            Ledger ledger,
            String actor,
            DeployListener listener) {
        this.plan = plan;
        this.environment = environment;
        this.hosts = hosts;
        this.store = store;
        this.releases = releases;
        this.ledger = ledger;
        this.actor = actor;
        this.listener = listener;
    }

    /** For tests: runs after each upload, before the SHA-256 on the host is checked, to damage the copy. */
    void afterUpload(BiConsumer<Target, String> hook) {
        this.afterUpload = hook;
    }

    /**
     * The instances a deploy is for: those of {@code service}, or when it is null those of every
     * service with a {@code deploy:} map, else of every tomcat service.
     *
     * @throws ReleaseException when there is no such service, or none to deploy to
     */
    public List<Instance> instances(String service) {
        return Targets.instances(environment, service);
    }

    /**
     * Deploys {@code release} to {@code instances}, {@code batch} at a time.
     *
     * @param action {@code deploy}, or {@code rollback} for a deploy that puts an older release back
     * @throws ReleaseException before anything is done when the plan does not say where an artifact goes,
     *     or another deploy holds the environment
     */
    public DeployReport deploy(Release release, List<Instance> instances, int batch, String action) {
        if (batch < 1) {
            throw new ReleaseException("the batch must be at least 1 instance, was " + batch);
        }
        instances.forEach(i -> Installation.of(i, release));
        release.artifacts().forEach(a -> releases.artifacts().verified(a));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", environment.name());
        data.put("action", action);
        data.put("version", release.version());
        data.put("digests", release.digests());
        data.put("instances", instances.stream().map(Instance::id).toList());
        data.put("batch", batch);
        Run run = store.runs().start(action, release.version(), environment.name(), actor, (c, r) -> {
            ledger.claim(c, environment.name(), r.id());
            store.journal()
                    .append(
                            c,
                            r.id(),
                            "deploy.started",
                            action + " " + release.version() + " to " + environment.name(),
                            actor,
                            Releases.json(data));
        });
        return rollout(run.id(), release, action, instances, batch, Map.of());
    }

    /**
     * Finishes the deploy that holds the environment after golive was killed: the instance it was
     * working on is recorded as interrupted and done again from the start, the instances it had
     * finished are kept, the others are deployed.
     *
     * @throws ReleaseException when no deploy holds the environment
     */
    public DeployReport resume() {
        String runId = ledger.active(environment.name())
                .orElseThrow(() -> new ReleaseException("no deploy of " + environment.name() + " to resume: none was"
                        + " interrupted; see golive history " + environment.name()));
        JsonNode started = started(runId);
        Release release = releases.get(started.get("version").asText());
        String action = started.get("action").asText();
        List<Instance> instances = new ArrayList<>();
        started.get("instances").forEach(n -> instances.add(Targets.instance(environment, n.asText())));
        Map<String, InstanceResult> done = new LinkedHashMap<>();
        for (LedgerEntry e : ledger.run(runId)) {
            if (e.open()) {
                ledger.end(
                        e.id(),
                        LedgerEntry.INTERRUPTED,
                        "golive was stopped while deploying " + e.version() + " to " + e.instance() + "; resumed by "
                                + actor);
            } else if (e.ok()) {
                done.put(
                        e.instance(),
                        new InstanceResult(
                                e.instance(),
                                Outcome.ALREADY,
                                e.version(),
                                "deployed before the interruption",
                                e.duration()));
            }
        }
        store.journal()
                .append(
                        runId,
                        "deploy.resumed",
                        action + " " + release.version() + " to " + environment.name(),
                        actor,
                        Releases.json(Map.of("done", List.copyOf(done.keySet()))));
        return rollout(runId, release, action, instances, started.get("batch").asInt(1), done);
    }

    private JsonNode started(String runId) {
        List<JournalEntry> entries =
                store.journal().list(JournalQuery.all().withRunId(runId).withKind("deploy.started"));
        if (entries.isEmpty()) {
            throw new ReleaseException(
                    "run " + runId + " holds " + environment.name() + " but its start is not in the journal");
        }
        try {
            return Releases.JSON.readTree(entries.get(0).data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeployReport rollout(
            String runId,
            Release release,
            String action,
            List<Instance> instances,
            int batch,
            Map<String, InstanceResult> done) {
        Crew crew = new Crew(
                plan,
                environment,
                hosts,
                new Services(environment, hosts),
                store,
                ledger,
                releases.artifacts(),
                actor,
                listener,
                afterUpload);
        Map<String, LedgerEntry> current = ledger.current(environment.name());
        List<InstanceResult> results = new ArrayList<>();
        boolean stopped = false;
        try {
            for (int from = 0; from < instances.size(); from += batch) {
                List<Instance> group = instances.subList(from, Math.min(instances.size(), from + batch));
                if (stopped) {
                    group.forEach(i -> results.add(untouched(i, current)));
                    continue;
                }
                List<InstanceResult> outcomes = group(crew, runId, release, action, group, current, done);
                results.addAll(outcomes);
                stopped = outcomes.stream().anyMatch(r -> !r.outcome().good());
            }
        } catch (RuntimeException e) {
            end(runId, release, action, "failed", results);
            throw e;
        }
        DeployReport report = new DeployReport(runId, environment.name(), release.version(), action, results);
        end(runId, release, action, report.outcome(), results);
        return report;
    }

    private List<InstanceResult> group(
            Crew crew,
            String runId,
            Release release,
            String action,
            List<Instance> group,
            Map<String, LedgerEntry> current,
            Map<String, InstanceResult> done) {
        if (group.size() == 1) {
            return List.of(one(crew, runId, release, action, group.get(0), current, done));
        }
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<InstanceResult>> futures = new ArrayList<>();
            for (Instance i : group) {
                futures.add(pool.submit(() -> one(crew, runId, release, action, i, current, done)));
            }
            List<InstanceResult> out = new ArrayList<>();
            for (Future<InstanceResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deploying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("deploying failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private InstanceResult one(
            Crew crew,
            String runId,
            Release release,
            String action,
            Instance i,
            Map<String, LedgerEntry> current,
            Map<String, InstanceResult> done) {
        if (done.containsKey(i.id())) {
            return done.get(i.id());
        }
        LedgerEntry before = current.get(i.id());
        String previous = before == null ? null : before.version();
        long id = ledger.begin(runId, environment.name(), i.id(), action, release, previous, actor);
        InstanceResult r = new InstanceDeploy(crew, i, release, before).run();
        ledger.end(id, ledgerResult(r.outcome()), r.detail());
        store.journal()
                .append(
                        runId,
                        "deploy.instance",
                        i.id() + ": " + r.outcome().word(),
                        actor,
                        Releases.json(json(r, release)));
        return r;
    }

    private static String ledgerResult(Outcome o) {
        return switch (o) {
            case DEPLOYED, ALREADY -> LedgerEntry.OK;
            case ROLLED_BACK -> LedgerEntry.ROLLED_BACK;
            case REFUSED -> LedgerEntry.REFUSED;
            case FAILED, UNTOUCHED -> LedgerEntry.FAILED;
        };
    }

    private static InstanceResult untouched(Instance i, Map<String, LedgerEntry> current) {
        LedgerEntry e = current.get(i.id());
        String version = e == null ? null : e.version();
        return new InstanceResult(
                i.id(),
                Outcome.UNTOUCHED,
                version,
                "not touched: the rollout stopped before it; it still runs "
                        + (version == null ? "what it ran" : version),
                java.time.Duration.ZERO);
    }

    private void end(String runId, Release release, String action, String outcome, List<InstanceResult> results) {
        String subject = action + " " + release.version() + " to " + environment.name() + ": " + outcome;
        String data = Releases.json(Map.of(
                "outcome",
                outcome,
                "instances",
                results.stream().map(r -> json(r, null)).toList()));
        store.transaction("end deploy " + runId, c -> {
            store.runs().end(c, runId, outcome, actor);
            ledger.release(c, environment.name());
            store.journal().append(c, runId, "deploy.ended", subject, actor, data);
            return null;
        });
    }

    private static Map<String, Object> json(InstanceResult r, Release release) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance", r.instance());
        out.put("outcome", r.outcome().word());
        out.put("version", r.version());
        out.put("detail", r.detail());
        if (release != null) {
            out.put("digests", release.digests());
        }
        out.put("millis", r.duration() == null ? null : r.duration().toMillis());
        return out;
    }
}
