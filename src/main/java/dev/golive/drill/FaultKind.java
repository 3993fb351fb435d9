package dev.golive.drill;

import dev.golive.plan.Instance;
import java.util.List;

/** One kind of fault: what its restore will need, known before it is done, and doing it. */
interface FaultKind {
    /** Refuses, saying why, a fault the hosts cannot take; called before the drill begins. */
    default void check(List<Instance> victims, Tools tools) {}

    /** The restore, one step per instance, found before the fault is done. */
    List<RestoreStep> prepare(List<Instance> victims, Tools tools);

    /** Does the fault to the instances of {@code steps}. */
    List<Done> apply(List<RestoreStep> steps, Tools tools);

    static FaultKind of(String kind, String tag) {
        return switch (kind) {
            case "stop" -> new StopFault();
            case "kill" -> new KillFault();
            case "hang" -> new HangFault();
            case "restart" -> new RestartFault();
            case "block" -> new BlockFault(tag);
            default -> throw new IllegalArgumentException("unknown fault " + kind);
        };
    }

    /** Restored by starting each instance again. */
    static List<RestoreStep> starts(List<Instance> victims) {
        return victims.stream().map(i -> RestoreStep.start(i.id())).toList();
    }
}
