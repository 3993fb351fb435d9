package dev.golive.drill;

import dev.golive.plan.Instance;
import dev.golive.target.Result;
import dev.golive.target.ServiceOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * SIGSTOP, as a long garbage-collection pause or a stuck host: connections are accepted by the
 * kernel but never answered. Restored by SIGCONT to the same processes, found before the fault.
 */
final class HangFault implements FaultKind {
    @Override
    public List<RestoreStep> prepare(List<Instance> victims, Tools tools) {
        List<RestoreStep> steps = new ArrayList<>();
        for (Instance i : victims) {
            ServiceOutcome status = tools.services().status(i);
            if (!status.ok() || status.pids().isEmpty()) {
                throw new DrillException("cannot hang " + i.id() + ": " + status.detail()
                        + (status.ok() ? "; its kind gives no PID to stop" : "; start it before the drill"));
            }
            steps.add(new RestoreStep("continue", i.id(), status.pids(), null));
        }
        return steps;
    }

    @Override
    public List<Done> apply(List<RestoreStep> steps, Tools tools) {
        return steps.stream().map(s -> stop(s, tools)).toList();
    }

    private static Done stop(RestoreStep s, Tools tools) {
        Result r = tools.services().signal(tools.instance(s.instance()), "STOP", s.pids());
        String pids = s.pids().size() == 1 ? "PID " + s.pids().get(0) : "PIDs " + s.pids();
        return new Done(s.instance(), r.ok(), r.ok() ? "hang: stopped " + pids + " (SIGSTOP)" : "hang: " + r.summary());
    }

    /** Continues the processes; one that is gone meanwhile is started again. */
    static Done restore(RestoreStep s, Tools tools) {
        Instance i = tools.instance(s.instance());
        Result r = tools.services().signal(i, "CONT", s.pids());
        ServiceOutcome after = tools.services().status(i);
        if (after.ok()) {
            String continued = "continued " + s.pids() + " (SIGCONT)";
            if (dev.golive.target.Services.healthUrl(i) == null) {
                return new Done(s.instance(), true, continued);
            }
            ServiceOutcome health = tools.services().health(i, tools.options().healthDeadline(), null);
            return new Done(s.instance(), health.ok(), continued + "; " + health.detail());
        }
        Done started = tools.act(s.instance(), dev.golive.target.ServiceAction.START);
        String said = r.ok() ? "" : " (SIGCONT: " + r.summary() + ")";
        return new Done(s.instance(), started.ok(), "its processes were gone" + said + "; " + started.detail());
    }
}
