package dev.golive.release;

import java.util.List;

/**
 * How a deploy ended, instance by instance.
 *
 * @param runId the deploy's run
 * @param environment where
 * @param version the release deployed
 * @param action {@code deploy} or {@code rollback}
 * @param instances every instance it was meant for, in rollout order
 */
public record DeployReport(
        String runId, String environment, String version, String action, List<InstanceResult> instances) {
    public DeployReport {
        instances = List.copyOf(instances);
    }

    public boolean passed() {
        return instances.stream().allMatch(i -> i.outcome().good());
    }

    /** {@code passed}, {@code rolled-back} (a failed instance was put back) or {@code failed}. */
    public String outcome() {
        if (passed()) {
            return "passed";
        }
        boolean needsHands = instances.stream().anyMatch(i -> i.outcome() == InstanceResult.Outcome.FAILED);
        boolean back = instances.stream().anyMatch(i -> i.outcome() == InstanceResult.Outcome.ROLLED_BACK);
        return needsHands ? "failed" : back ? "rolled-back" : "refused";
    }
}
