package dev.golive.plan;

import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a drill declares, and the drills golive cannot run. */
class DrillPlanTest {
    @Test
    void rejectsBlockOnServiceWithoutHttpPort() {
        assertThat(onlyProblem("drill-block-without-port.yaml"))
                .isEqualTo(problem(
                        "drill-block-without-port.yaml",
                        17,
                        5,
                        "drills.one-was-down.fault.block",
                        "service was in production has no http: port, so there is no traffic to block; give it http:"));
    }

    @Test
    void rejectsStableShorterThanASecond() {
        assertThat(onlyProblem("drill-stable-too-short.yaml"))
                .isEqualTo(problem(
                        "drill-stable-too-short.yaml",
                        19,
                        23,
                        "drills.one-was-down.expect.stable",
                        "stable must be at least 1s, found 500ms"));
    }
}
