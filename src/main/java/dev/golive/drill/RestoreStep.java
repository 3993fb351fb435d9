package dev.golive.drill;

import java.util.List;

/**
 * One action of a restore, written to the journal before the fault so that {@code golive drill
 * restore} can finish it after a crash.
 *
 * @param action {@code start} (after stop, kill, restart), {@code continue} (SIGCONT after a hang)
 *     or {@code unblock} (remove the rule that drops the traffic)
 * @param instance the instance, {@code service/host}
 * @param pids the processes to continue, for {@code continue}
 * @param undo the shell text that removes the block, for {@code unblock}
 */
public record RestoreStep(String action, String instance, List<Long> pids, String undo) {
    public static final List<String> ACTIONS = List.of("start", "continue", "unblock");

    public RestoreStep {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown restore action " + action);
        }
        pids = pids == null ? List.of() : List.copyOf(pids);
    }

    static RestoreStep start(String instance) {
        return new RestoreStep("start", instance, List.of(), null);
    }
}
