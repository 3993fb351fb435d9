package dev.golive.runbook;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;

/**
 * Which environments are production: those where a step that changes something needs the
 * environment's name typed back. An environment is protected when it ends a promotion chain (it
 * is promoted from another and nothing is promoted from it) or is named {@code production}.
 */
public final class Protection {
    private Protection() {}

    public static boolean isProtected(Plan plan, Environment env) {
        boolean endOfChain = env.promoteFrom() != null
                && plan.environments().values().stream()
                        .noneMatch(e -> env.name().equals(e.promoteFrom()));
        return endOfChain || env.name().equals("production");
    }
}
