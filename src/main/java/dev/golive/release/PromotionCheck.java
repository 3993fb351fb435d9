package dev.golive.release;

import dev.golive.plan.Environment;
import dev.golive.plan.Promotion;
import java.util.List;
import java.util.Optional;

/**
 * Whether a release may be deployed to an environment: the same digests must have been deployed
 * to the environment it is promoted from, with every instance ending well, and verified there by a
 * passing smoke run (of the scenario {@code promoteAfter.smoke} names, if any) and a passing load
 * test when {@code promoteAfter.loadtest} asks for one.
 */
public final class PromotionCheck {
    private final Verifications verifications;

    public PromotionCheck(Verifications verifications) {
        this.verifications = verifications;
    }

    /** Why the release may not go to {@code target}; empty when it may. */
    public Optional<String> refusal(Release release, Environment target) {
        String from = target.promoteFrom();
        if (from == null) {
            return Optional.empty();
        }
        String v = release.version();
        if (verifications.deployedRuns(release, from).isEmpty()) {
            return Optional.of("release " + v + " was never deployed to " + from + " (where " + target.name()
                    + " is promoted from): deploy it there, verify it, then promote it");
        }
        List<Verification> done = verifications.of(release, from);
        Promotion rule = target.promoteAfter();
        boolean smoked = done.stream()
                .anyMatch(x -> x.kind().equals("smoke")
                        && x.passed()
                        && (rule.smoke() == null || rule.smoke().equals(x.name())));
        if (!smoked) {
            String which = rule.smoke() == null ? "no smoke run" : "no smoke run of " + rule.smoke();
            return Optional.of("release " + v + " was deployed to " + from + " but " + which + " passed on it there:"
                    + " run golive smoke " + from + (rule.smoke() == null ? "" : " " + rule.smoke()));
        }
        if (rule.loadTest() != null
                && done.stream()
                        .noneMatch(x -> x.kind().equals("load")
                                && x.passed()
                                && x.name().equals(rule.loadTest()))) {
            return Optional.of("release " + v + " has not passed load test " + rule.loadTest() + " in " + from
                    + ", which " + target.name() + " asks for: run golive load " + from + " " + rule.loadTest());
        }
        return Optional.empty();
    }
}
