package dev.golive.drill;

import dev.golive.plan.Instance;
import dev.golive.target.ServiceAction;
import java.util.List;

/** SIGKILL, as a crash: no shutdown, open connections reset; restored by a start. */
final class KillFault implements FaultKind {
    @Override
    public List<RestoreStep> prepare(List<Instance> victims, Tools tools) {
        return FaultKind.starts(victims);
    }

    @Override
    public List<Done> apply(List<RestoreStep> steps, Tools tools) {
        return steps.stream()
                .map(s -> tools.act(s.instance(), ServiceAction.KILL))
                .toList();
    }
}
