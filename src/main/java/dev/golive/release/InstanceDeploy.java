package dev.golive.release;

import dev.golive.plan.Deployment;
import dev.golive.plan.Instance;
import dev.golive.release.InstanceResult.Outcome;
import dev.golive.target.Command;
import dev.golive.target.Result;
import dev.golive.target.ServiceAction;
import dev.golive.target.ServiceOptions;
import dev.golive.target.ServiceOutcome;
import dev.golive.target.Services;
import dev.golive.target.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deploys a release to one instance: checks, upload to the staging directory, SHA-256 on the
 * host, drain, stop, install, start, health, instance smoke, undrain. The upload comes before the
 * drain, so the instance is out of service only for the stop and the start, and a damaged copy is
 * refused before anything is changed. Once the instance is changed, any failure puts it back on
 * its previous release.
 */
final class InstanceDeploy {
    private static final Duration QUICK = Duration.ofSeconds(60);

    private final Crew crew;
    private final Instance instance;
    private final Release release;
    private final String previous;
    private final Map<String, String> previousDigests;
    private final Deployment deployment;
    private final Installation installation;
    private final Target target;
    private final long start = System.nanoTime();

    /** {@code before} is what the ledger says the instance runs, or null when golive never deployed to it. */
    InstanceDeploy(Crew crew, Instance instance, Release release, LedgerEntry before) {
        this.crew = crew;
        this.instance = instance;
        this.release = release;
        this.previous = before == null ? null : before.version();
        this.previousDigests = before == null ? Map.of() : before.digests();
        this.deployment = instance.service().forHost(instance.host().name()).deployment();
        this.installation = Installation.of(instance, release);
        this.target = crew.hosts().target(instance.host());
    }

    /** A step that failed, and where the instance stands because of it. */
    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    InstanceResult run() {
        try {
            prepare();
        } catch (RuntimeException e) {
            // Upload failures come as exceptions from the target; each says what and where.
            target.run(Command.of(installation.removeStaged()).withTimeout(QUICK));
            return result(Outcome.REFUSED, previous, e.getMessage() + "; " + id() + " was not touched");
        }
        try {
            change();
            return result(Outcome.DEPLOYED, release.version(), "runs " + release.version() + ", healthy");
        } catch (RuntimeException e) {
            return restore(e.getMessage());
        }
    }

    private void prepare() {
        check(target.run(Command.of("true").withTimeout(QUICK)), "checked", "reachable");
        freeSpace();
        for (Placement p : installation.placements()) {
            target.upload(crew.artifacts().verified(p.artifact()), p.staged());
            crew.afterUpload().accept(target, p.staged());
        }
        crew.listener().step(id(), "uploaded", true, "to " + deployment.staging());
        verifyStaged();
    }

    private void change() {
        call(deployment.drain(), "drained");
        service(ServiceAction.STOP, "stopped");
        check(target.run(Command.of(installation.install()).withTimeout(QUICK)), "installed", describeTargets());
        service(ServiceAction.START, "started");
        smoke();
        call(deployment.undrain(), "undrained");
    }

    private void freeSpace() {
        Result r = target.run(Command.of(installation.freeSpace()).withTimeout(QUICK));
        check(r, "checked", null);
        String[] free = r.stdout().strip().split("\\s+");
        long needed = 2 * release.bytes();
        for (int i = 0; i < free.length && i < installation.directories().size(); i++) {
            if (!free[i].matches("\\d+") || Long.parseLong(free[i]) * 1024 < needed) {
                throw new StepFailed(id() + ": " + installation.directories().get(i) + " has " + free[i]
                        + " KB free, the release needs " + (needed / 1024 + 1) + " KB; make room and deploy again");
            }
        }
        crew.listener().step(id(), "checked", true, "reachable, enough disk");
    }

    private void verifyStaged() {
        Result r = target.run(Command.of(installation.hashStaged()).withTimeout(QUICK));
        check(r, "verified", null);
        Map<String, String> found = hashes(r.stdout());
        for (Placement p : installation.placements()) {
            String actual = found.get(p.staged());
            if (!p.artifact().sha256().equals(actual)) {
                String what = actual == null ? "is missing" : "has SHA-256 " + actual;
                fail(
                        "verified",
                        "the staged " + p.artifact().name() + " " + what + " on "
                                + instance.host().name()
                                + ", release " + release.version() + " has "
                                + p.artifact().sha256()
                                + "; it was damaged in transit and was not installed");
            }
        }
        crew.listener().step(id(), "verified", true, "SHA-256 on the host matches " + release.version());
    }

    static Map<String, String> hashes(String sha256sumOutput) {
        Map<String, String> out = new LinkedHashMap<>();
        sha256sumOutput.lines().forEach(line -> {
            String[] parts = line.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}")) {
                out.put(parts[1].startsWith("*") ? parts[1].substring(1) : parts[1], parts[0]);
            }
        });
        return out;
    }

    private void service(ServiceAction action, String step) {
        ServiceOptions options = ServiceOptions.defaults().withHealthDeadline(deployment.timeout());
        ServiceOutcome o = crew.services()
                .run(new Services.Selection(instance.service(), List.of(instance)), action, options)
                .get(0);
        crew.listener().step(id(), step, o.ok(), o.detail());
        if (!o.ok()) {
            throw new StepFailed(o.detail());
        }
    }

    private void smoke() {
        if (deployment.smoke() == null) {
            return;
        }
        String failure = new InstanceSmoke(crew, instance, release).run(deployment.smoke());
        crew.listener()
                .step(id(), "smoke", failure == null, failure == null ? deployment.smoke() + " passed" : failure);
        if (failure != null) {
            throw new StepFailed("smoke " + deployment.smoke() + " failed: " + failure);
        }
    }

    private void call(String drain, String step) {
        if (drain == null) {
            return;
        }
        String failure = Drains.call(target, drain);
        crew.listener().step(id(), step, failure == null, failure == null ? drain : failure);
        if (failure != null) {
            throw new StepFailed(step.replace("ed", "ing") + " failed: " + failure);
        }
    }

    /** Puts the instance back on the files it had, starts it and checks its health. */
    private InstanceResult restore(String why) {
        ServiceOptions options = ServiceOptions.defaults().withHealthDeadline(deployment.timeout());
        Services.Selection one = new Services.Selection(instance.service(), List.of(instance));
        crew.services().run(one, ServiceAction.STOP, options);
        Result put =
                target.run(Command.of(installation.restore(previousDigests)).withTimeout(QUICK));
        String back = previous == null ? "no release" : previous;
        if (!put.ok()) {
            return restored(false, why, "putting back " + back + " failed: " + put.summary());
        }
        ServiceOutcome started =
                crew.services().run(one, ServiceAction.START, options).get(0);
        if (!started.ok()) {
            return restored(false, why, "put back " + back + " but it is not healthy: " + started.detail());
        }
        if (deployment.undrain() != null) {
            String failure = Drains.call(target, deployment.undrain());
            if (failure != null) {
                return restored(false, why, "put back " + back + ", healthy, but undraining failed: " + failure);
            }
        }
        return restored(true, why, "the instance was rolled back to " + back + " and is healthy");
    }

    private InstanceResult restored(boolean ok, String why, String how) {
        crew.listener().step(id(), "restored", ok, how);
        String detail = why + "; " + how;
        return ok
                ? result(Outcome.ROLLED_BACK, previous, detail)
                : result(Outcome.FAILED, null, detail + "; it needs hands: golive deployed " + env());
    }

    private void check(Result r, String step, String okDetail) {
        if (!r.ok()) {
            fail(step, r.summary());
        }
        if (okDetail != null) {
            crew.listener().step(id(), step, true, okDetail);
        }
    }

    private void fail(String step, String why) {
        crew.listener().step(id(), step, false, why);
        throw new StepFailed(id() + " (" + instance.host().target() + "): " + why);
    }

    private String describeTargets() {
        return String.join(
                ", ", installation.placements().stream().map(Placement::target).toList());
    }

    private InstanceResult result(Outcome outcome, String version, String detail) {
        return new InstanceResult(id(), outcome, version, detail, Duration.ofNanos(System.nanoTime() - start));
    }

    private String id() {
        return instance.id();
    }

    private String env() {
        return crew.environment().name();
    }
}
