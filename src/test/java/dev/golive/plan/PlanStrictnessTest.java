package dev.golive.plan;

import static dev.golive.plan.Fixtures.failure;
import static dev.golive.plan.Fixtures.load;
import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Things a plan could get silently wrong, refused with a clear message instead. */
class PlanStrictnessTest {
    @Test
    void rejectsYamlAliasesInsteadOfReadingTheirName() {
        assertThat(onlyProblem("yaml-alias.yaml"))
                .isEqualTo(problem(
                        "yaml-alias.yaml",
                        6,
                        10,
                        "environments.production.hosts.b",
                        "YAML aliases (*h) are not supported in plans: write the value out, or share it through an "
                                + "include"));
    }

    @Test
    void rejectsASecondYamlDocument() {
        assertThat(onlyProblem("two-documents.yaml").message()).startsWith("a plan file holds one YAML document");
        assertThat(onlyProblem("two-documents.yaml").location().line()).isEqualTo(3);
    }

    @Test
    void rejectsDuplicateCheckNames() {
        assertThat(onlyProblem("duplicate-check-name.yaml"))
                .isEqualTo(problem(
                        "duplicate-check-name.yaml",
                        4,
                        5,
                        "checks[1].name",
                        "duplicate check name 'home page', first used at line 3; runbook steps name checks, so names"
                                + " are unique"));
    }

    @Test
    void refusesADefaultForASecret() {
        assertThat(onlyProblem("secret-with-default.yaml").message())
                .isEqualTo("${secret:STORE_PW} cannot have a default: a secret must come from the secrets file or the "
                        + "environment");
    }

    @Test
    void rejectsAnUnknownReferenceKindWithSuggestion() {
        assertThat(onlyProblem("unknown-reference-kind.yaml").message())
                .isEqualTo("unknown reference ${ENV:DB_HOST}: write ${env:NAME} or ${secret:NAME} (did you mean "
                        + "'env'?)");
    }

    @Test
    void rejectsATypoInsideADeployStep() {
        List<String> messages = failure("deploy-step-typo.yaml").problems().stream()
                .map(Problem::message)
                .toList();
        assertThat(messages)
                .contains("missing required key 'release'")
                .contains("unknown key 'releas' (did you mean 'release'?), expected one of [release, to]");
    }

    @Test
    void wholeHostFaultNeedsTheHost() {
        assertThat(onlyProblem("whole-host-fault-without-host.yaml"))
                .isEqualTo(problem(
                        "whole-host-fault-without-host.yaml",
                        7,
                        12,
                        "drills.host-down.fault",
                        "missing required key 'host': the host taken down by {kill: host, host: NAME}"));
    }

    @Test
    void jsonBodyKeepsTheTypesWrittenInYaml() {
        Scenario order = load("json-body-types.yaml").scenarios().get("order");

        assertThat(((Step.Request) order.steps().get(0)).json())
                .isEqualTo("{\"item\":\"01234\",\"quantity\":2,\"price\":9.99,\"gift\":false,\"note\":\"true\"}");
        assertThat(((Step.Request) order.steps().get(1)).json()).isEqualTo("{\"a\": [1, 2]}");
    }

    @Test
    void gateApproversMustBePeopleOrRoles() {
        assertThat(onlyProblem("gate-approver-unknown.yaml").message())
                .isEqualTo("no person or role named 'achitect' (did you mean 'architect'?); defined: [alice, bob, pm, "
                        + "architect]");
    }

    @Test
    void settingOfAnotherKindIsNotOfferedAsAValidKey() {
        List<String> messages = failure("other-kind-setting.yaml").problems().stream()
                .map(Problem::message)
                .toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).startsWith("key 'unit' does not apply to a tomcat service");
        assertThat(messages.get(1)).startsWith("unknown key 'colour'").doesNotContain("unit");
    }

    @Test
    void suggestsTheKeyWithTheSameLettersFirst() {
        assertThat(Suggest.closest("p59", List.of("p50", "p90", "p95", "p99"))).isEqualTo("p95");
    }
}
