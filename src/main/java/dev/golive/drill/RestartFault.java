package dev.golive.drill;

import dev.golive.plan.Instance;
import dev.golive.target.ServiceAction;
import java.util.List;

/**
 * A stop and a start at once, as a rolling deploy does to each instance; the restore starts an
 * instance that did not come back.
 */
final class RestartFault implements FaultKind {
    @Override
    public List<RestoreStep> prepare(List<Instance> victims, Tools tools) {
        return FaultKind.starts(victims);
    }

    @Override
    public List<Done> apply(List<RestoreStep> steps, Tools tools) {
        return steps.stream()
                .map(s -> tools.act(s.instance(), ServiceAction.RESTART))
                .toList();
    }
}
