package dev.golive.plan;

import static dev.golive.plan.Fixtures.failure;
import static dev.golive.plan.Fixtures.load;
import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names that refer to other parts of the plan, and dependencies that must not go in a circle. */
class PlanReferencesTest {
    @Test
    void rejectsServiceOnHostThatDoesNotExist() {
        assertThat(onlyProblem("service-on-missing-host.yaml"))
                .isEqualTo(problem(
                        "service-on-missing-host.yaml",
                        9,
                        9,
                        "environments.production.services.was.on",
                        "no host named 'was3' (did you mean 'was1'?); defined: [was1, was2]"));
    }

    @Test
    void rejectsDrillOnServiceThatDoesNotExist() {
        assertThat(onlyProblem("drill-on-missing-service.yaml"))
                .isEqualTo(problem(
                        "drill-on-missing-service.yaml",
                        17,
                        5,
                        "drills.one-was-down.fault.kill",
                        "no service named 'wass' (did you mean 'was'?); defined: [was]"));
    }

    @Test
    void rejectsMixNamingMissingScenario() {
        assertThat(onlyProblem("mix-missing-scenario.yaml"))
                .isEqualTo(problem(
                        "mix-missing-scenario.yaml",
                        10,
                        5,
                        "loadtests.peak.mix",
                        "no scenario named 'browse'; defined: [order]"));
    }

    @Test
    void rejectsRunbookStepAfterStepThatDoesNotExist() {
        assertThat(onlyProblem("runbook-after-missing-step.yaml"))
                .isEqualTo(problem(
                        "runbook-after-missing-step.yaml",
                        7,
                        9,
                        "runbooks.open-day.steps.smoke.after",
                        "no step named 'deplyo' (did you mean 'deploy'?); defined: [freeze, deploy, smoke]"));
    }

    @Test
    void rejectsPromotionFromEnvironmentThatDoesNotExist() {
        assertThat(onlyProblem("promote-from-missing-environment.yaml"))
                .isEqualTo(problem(
                        "promote-from-missing-environment.yaml",
                        5,
                        5,
                        "environments.production.promoteFrom",
                        "no environment named 'stageing' (did you mean 'staging'?); defined: [staging, production]"));
    }

    @Test
    void rejectsRunbookStepsWaitingForEachOther() {
        assertThat(failure("runbook-step-cycle.yaml").problems())
                .containsExactly(
                        problem(
                                "runbook-step-cycle.yaml",
                                6,
                                9,
                                "runbooks.open-day.steps.deploy.after",
                                "step dependencies go in a circle: deploy -> smoke -> deploy"),
                        problem(
                                "runbook-step-cycle.yaml",
                                7,
                                9,
                                "runbooks.open-day.steps.smoke.after",
                                "step dependencies go in a circle: smoke -> deploy -> smoke"));
    }

    @Test
    void rejectsEnvironmentsPromotedFromEachOther() {
        assertThat(failure("promotion-cycle.yaml").problems())
                .containsExactly(
                        problem(
                                "promotion-cycle.yaml",
                                4,
                                5,
                                "environments.staging.promoteFrom",
                                "promotion dependencies go in a circle: staging -> production -> staging"),
                        problem(
                                "promotion-cycle.yaml",
                                6,
                                5,
                                "environments.production.promoteFrom",
                                "promotion dependencies go in a circle: production -> staging -> production"));
    }

    @Test
    void rejectsJumpHostsReachedThroughEachOther() {
        assertThat(failure("jump-host-cycle.yaml").problems())
                .containsExactly(
                        problem(
                                "jump-host-cycle.yaml",
                                5,
                                16,
                                "environments.production.hosts.bastion.via",
                                "jump host dependencies go in a circle: bastion -> gateway -> bastion"),
                        problem(
                                "jump-host-cycle.yaml",
                                6,
                                16,
                                "environments.production.hosts.gateway.via",
                                "jump host dependencies go in a circle: gateway -> bastion -> gateway"));
    }

    @Test
    void rejectsDuplicateStepIdAcrossStepsAndRollback() {
        assertThat(onlyProblem("duplicate-step-id.yaml"))
                .isEqualTo(problem(
                        "duplicate-step-id.yaml",
                        8,
                        15,
                        "runbooks.open-day.rollback[0].id",
                        "duplicate step id 'deploy', first used at line 5"));
    }

    @Test
    void rejectsSurvivableThatLeavesNoInstance() {
        assertThat(onlyProblem("survivable-too-high.yaml"))
                .isEqualTo(problem(
                        "survivable-too-high.yaml",
                        9,
                        9,
                        "environments.production.services.was.survivable",
                        "survivable is 2 but the service has 2 instances; at least one must survive, so survivable"
                                + " must be below 2"));
    }

    @Test
    void ordersEnvironmentsByPromotionNotByFileOrder() {
        Plan plan = load("promotion-order.yaml");

        assertThat(plan.environments().keySet()).containsExactly("production", "staging", "test", "sandbox");
        assertThat(plan.promotionOrder())
                .extracting(Environment::name)
                .containsExactly("test", "sandbox", "staging", "production");
    }

    @Test
    void rejectsRequestToServiceThatIsNotAnHttpServiceOfAnyEnvironment() {
        assertThat(failure("request-to-unknown-service.yaml").problems())
                .containsExactly(
                        problem(
                                "request-to-unknown-service.yaml",
                                15,
                                13,
                                "scenarios.health.steps[0].steps[1].get",
                                "no http service named 'apj' (did you mean 'api'?); defined: [api]"),
                        problem(
                                "request-to-unknown-service.yaml",
                                16,
                                13,
                                "scenarios.health.steps[0].steps[2].get",
                                "no http service named 'was'; defined: [api]"));
    }

    @Test
    void rejectsInstanceSmokeNamingMissingScenarioAtTheDeployMap() {
        assertThat(onlyProblem("deploy-smoke-missing-scenario.yaml"))
                .isEqualTo(problem(
                        "deploy-smoke-missing-scenario.yaml",
                        13,
                        11,
                        "environments.staging.services.shop.deploy.smoke",
                        "no scenario named 'instanse' (did you mean 'instance'?); defined: [instance]"));
    }

    @Test
    void rejectsPromoteAfterNamingMissingScenarioAndLoadTestAtThePromoteAfterMap() {
        assertThat(failure("promote-after-missing-references.yaml").problems())
                .containsExactly(
                        problem(
                                "promote-after-missing-references.yaml",
                                8,
                                7,
                                "environments.production.promoteAfter.smoke",
                                "no scenario named 'ordr' (did you mean 'order'?); defined: [order]"),
                        problem(
                                "promote-after-missing-references.yaml",
                                8,
                                7,
                                "environments.production.promoteAfter.loadtest",
                                "no load test named 'soak' (did you mean 'peak'?); defined: [peak]"));
    }
}
