package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.runbook.Runbooks;
import dev.golive.store.Store;
import dev.golive.target.HostKeyPolicy;
import dev.golive.target.SshSettings;
import java.time.Clock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every runbook command shares: the workspace, and which run. */
final class RunbookOptions {
    @Mixin
    Workspace workspace;

    @Option(
            names = "--run",
            paramLabel = "ID",
            description = "The run (default: the active run of --env, or the only one).")
    String run;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment whose active run is meant.")
    String env;

    @Option(
            names = "--accept-new",
            description = "Trust and remember host keys seen for the first time (never changed ones).")
    boolean acceptNew;

    /** The engine with its plan and store, and the run meant. */
    record Session(Runbooks runbooks, String runId, String actor, Plan plan) {}

    Runbooks runbooks(Context context) {
        Plan plan = workspace.plan(context);
        return runbooks(context, plan);
    }

    Session session(Context context) {
        Plan plan = workspace.plan(context);
        Runbooks runbooks = runbooks(context, plan);
        return new Session(runbooks, runbooks.runId(run, env), workspace.actor(context), plan);
    }

    private Runbooks runbooks(Context context, Plan plan) {
        Store store = workspace.open(context, plan);
        SshSettings ssh = SshSettings.forPlan(plan.directory());
        if (acceptNew) {
            ssh = ssh.withHostKeys(HostKeyPolicy.ACCEPT_NEW);
        }
        return new Runbooks(plan, store, Clock.systemDefaultZone(), ssh);
    }
}
