package dev.golive.drill;

import dev.golive.plan.Instance;
import dev.golive.target.ServiceAction;
import java.util.List;

/** A graceful stop, as an operator would do it; restored by a start. */
final class StopFault implements FaultKind {
    @Override
    public List<RestoreStep> prepare(List<Instance> victims, Tools tools) {
        return FaultKind.starts(victims);
    }

    @Override
    public List<Done> apply(List<RestoreStep> steps, Tools tools) {
        return steps.stream()
                .map(s -> tools.act(s.instance(), ServiceAction.STOP))
                .toList();
    }
}
