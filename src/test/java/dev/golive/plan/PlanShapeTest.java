package dev.golive.plan;

import static dev.golive.plan.Fixtures.failure;
import static dev.golive.plan.Fixtures.load;
import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys, types and required values: the shape of a plan, before any value is looked at. */
class PlanShapeTest {
    @Test
    void rejectsUnknownKeyWithSuggestion() {
        assertThat(onlyProblem("unknown-key.yaml"))
                .isEqualTo(problem(
                        "unknown-key.yaml",
                        16,
                        7,
                        "loadtests.peak.targets",
                        "unknown key 'erors' (did you mean 'errors'?), expected one of [p50, p90, p95, p99, max, errors,"
                                + " tps, achieved]"));
    }

    @Test
    void rejectsUnknownTopLevelKeyWithTheKeysOfAPlan() {
        assertThat(onlyProblem("unknown-top-level-key.yaml"))
                .isEqualTo(problem(
                        "unknown-top-level-key.yaml",
                        2,
                        1,
                        "",
                        "unknown key 'enviroments' (did you mean 'environments'?), expected one of [include, secrets,"
                                + " system, store, artifacts, people, environments, checks, scenarios, loadtests, drills,"
                                + " runbooks]"));
    }

    @Test
    void rejectsListWhereMapIsExpected() {
        assertThat(onlyProblem("list-where-map-expected.yaml"))
                .isEqualTo(problem(
                        "list-where-map-expected.yaml",
                        5,
                        7,
                        "environments.production.hosts",
                        "expected a map of keys and values, found a list"));
    }

    @Test
    void rejectsMapWhereValueIsExpected() {
        assertThat(onlyProblem("map-where-value-expected.yaml"))
                .isEqualTo(problem(
                        "map-where-value-expected.yaml", 2, 3, "system", "expected a single value, found a map"));
    }

    @Test
    void rejectsAPlanThatIsNotAMap() {
        assertThat(onlyProblem("plan-is-a-list.yaml"))
                .isEqualTo(problem(
                        "plan-is-a-list.yaml",
                        1,
                        1,
                        "",
                        "a plan file must be a map of keys such as system, environments, scenarios; found a list"));
    }

    @Test
    void rejectsHostWithoutAddress() {
        assertThat(onlyProblem("host-without-address.yaml"))
                .isEqualTo(problem(
                        "host-without-address.yaml",
                        6,
                        13,
                        "environments.production.hosts.web1",
                        "missing required key 'address': a host name, an IP address, or 'local'"));
    }

    @Test
    void rejectsServiceWithoutKindListingTheKinds() {
        assertThat(onlyProblem("service-without-kind.yaml"))
                .isEqualTo(problem(
                        "service-without-kind.yaml",
                        8,
                        9,
                        "environments.production.services.was",
                        "missing required key 'kind': one of [tomcat, systemd, process, command, jdbc, http]"));
    }

    @Test
    void rejectsUnknownServiceKindWithSuggestion() {
        assertThat(onlyProblem("unknown-service-kind.yaml"))
                .isEqualTo(problem(
                        "unknown-service-kind.yaml",
                        7,
                        20,
                        "environments.production.services.was.kind",
                        "unknown value 'tomact' (did you mean 'tomcat'?), expected one of [tomcat, systemd, process,"
                                + " command, jdbc, http]"));
    }

    @Test
    void rejectsPlanWithoutSystem() {
        assertThat(onlyProblem("system-missing.yaml"))
                .isEqualTo(problem(
                        "system-missing.yaml",
                        1,
                        1,
                        "",
                        "missing required key 'system': the name of the system this plan describes"));
    }

    @Test
    void rejectsEmptySystem() {
        assertThat(onlyProblem("system-empty.yaml"))
                .isEqualTo(problem(
                        "system-empty.yaml",
                        1,
                        9,
                        "system",
                        "'system' must not be empty: the name of the system this plan describes"));
    }

    @Test
    void aPlanNeedsOnlyItsSystem() {
        Plan plan = load("minimal.yaml");

        assertThat(plan.system()).isEqualTo("shop");
        assertThat(plan.environments()).isEmpty();
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.store()).isNull();
    }

    @Test
    void rejectsDuplicateKeyNamingTheFirst() {
        assertThat(onlyProblem("duplicate-key.yaml"))
                .isEqualTo(problem(
                        "duplicate-key.yaml",
                        6,
                        5,
                        "environments.production.hosts",
                        "duplicate key 'hosts', first given at line 4"));
    }

    @Test
    void reportsYamlSyntaxErrorWhereTheParserStopped() {
        assertThat(onlyProblem("yaml-syntax-error.yaml"))
                .isEqualTo(problem(
                        "yaml-syntax-error.yaml",
                        6,
                        11,
                        "",
                        "not valid YAML: expected ',' or '}', but got : (while parsing a flow mapping that began at"
                                + " line 5)"));
    }

    @Test
    void rejectsBadNameOfAHost() {
        assertThat(onlyProblem("bad-host-name.yaml"))
                .isEqualTo(problem(
                        "bad-host-name.yaml",
                        5,
                        7,
                        "environments.production.hosts.'web 1'",
                        "bad name 'web 1': use letters, digits, '_', '.' and '-', starting with a letter or digit"));
    }

    @Test
    void rejectsSettingOfAnotherServiceKind() {
        assertThat(onlyProblem("setting-of-another-kind.yaml"))
                .isEqualTo(problem(
                        "setting-of-another-kind.yaml",
                        11,
                        9,
                        "environments.production.services.was",
                        "key 'unit' does not apply to a tomcat service, which takes [home, base, user, pidFile, logs,"
                                + " webapps]"));
    }

    @Test
    void rejectsTwoKindsInOneRunbookStep() {
        assertThat(onlyProblem("two-step-kinds.yaml"))
                .isEqualTo(problem(
                        "two-step-kinds.yaml",
                        5,
                        49,
                        "runbooks.open-day.steps[0]",
                        "a runbook step has one kind, but both 'manual' and 'command' are given"));
    }

    @Test
    void rejectsScenarioStepWithoutKindSuggestingTheMisspeltOne() {
        assertThat(onlyProblem("step-without-kind.yaml"))
                .isEqualTo(problem(
                        "step-without-kind.yaml",
                        5,
                        9,
                        "scenarios.browse.steps[0]",
                        "a step needs one of the keys [get, post, put, delete, patch, head, think, transaction] (did"
                                + " you mean 'get' instead of 'gett'?)"));
    }

    @Test
    void rejectsGateWithoutApprovers() {
        assertThat(onlyProblem("gate-without-approvers.yaml"))
                .isEqualTo(problem(
                        "gate-without-approvers.yaml",
                        6,
                        9,
                        "runbooks.open-day.steps[1]",
                        "missing required key 'approvers': the roles or people who decide a gate"));
    }

    @Test
    void rejectsLoadTestThatIsBothOpenAndClosed() {
        assertThat(onlyProblem("open-and-closed-workload.yaml"))
                .isEqualTo(problem(
                        "open-and-closed-workload.yaml",
                        13,
                        5,
                        "loadtests.peak",
                        "a load test is open (arrivals) or closed (users), not both"));
    }

    @Test
    void rejectsLoadTestScenarioGivenAsList() {
        assertThat(onlyProblem("load-test-scenario-list.yaml"))
                .isEqualTo(problem(
                        "load-test-scenario-list.yaml",
                        10,
                        15,
                        "loadtests.peak.scenario",
                        "expected a single value, found a list"));
    }

    @Test
    void rejectsRequestWithTwoBodies() {
        assertThat(onlyProblem("request-with-two-bodies.yaml"))
                .isEqualTo(problem(
                        "request-with-two-bodies.yaml",
                        5,
                        9,
                        "scenarios.order.steps[0]",
                        "a request has one body: give only one of form, json, body, upload"));
    }

    @Test
    void rejectsFaultWithBothCountAndInstances() {
        assertThat(onlyProblem("fault-count-and-instances.yaml"))
                .isEqualTo(problem(
                        "fault-count-and-instances.yaml",
                        18,
                        44,
                        "drills.one-web-hangs.fault",
                        "give either 'count' or 'instances', not both"));
    }

    @Test
    void rejectsUploadWithAnotherBody() {
        assertThat(onlyProblem("upload-with-form.yaml"))
                .isEqualTo(problem(
                        "upload-with-form.yaml",
                        5,
                        9,
                        "scenarios.documents.steps[0]",
                        "a request has one body: give only one of form, json, body, upload"));
    }

    @Test
    void rejectsUploadWithoutFileSuggestingTheMisspeltKey() {
        assertThat(failure("upload-without-file.yaml").problems())
                .containsExactly(
                        problem(
                                "upload-without-file.yaml",
                                6,
                                17,
                                "scenarios.documents.steps[0].upload",
                                "missing required key 'file': the file to send, relative to the plan's directory"),
                        problem(
                                "upload-without-file.yaml",
                                6,
                                36,
                                "scenarios.documents.steps[0].upload",
                                "unknown key 'tpye' (did you mean 'type'?), expected one of [file, field, type,"
                                        + " fields]"));
    }

    @Test
    void readsUploadsHeaderAndSizeChecksServiceUrlsAndInsecureEnvironments() {
        Plan plan = load("scenario-features.yaml");
        Step.Request upload =
                (Step.Request) plan.scenarios().get("documents").steps().get(0);
        Step.Request page =
                (Step.Request) plan.scenarios().get("documents").steps().get(1);

        assertThat(plan.environment("staging").orElseThrow().insecure()).isTrue();
        assertThat(plan.environment("production").orElseThrow().insecure()).isFalse();
        assertThat(upload.service()).isEqualTo("api");
        assertThat(upload.upload())
                .isEqualTo(new Step.Upload(
                        "invoices/${id}.pdf", "document", null, Map.of("note", "${note}", "by", "golive")));
        assertThat(upload.expect().headers())
                .containsExactly(
                        entry("Content-Type", "application/json"), entry("X-Request-Id", "regex:^[0-9a-f-]{36}$"));
        assertThat(upload.expect().minSize()).isEqualTo(2);
        assertThat(upload.expect().maxSize()).isEqualTo(1536);
        assertThat(page.service()).isNull();
        assertThat(page.upload()).isNull();
        assertThat(page.expect().minSize()).isNull();
        assertThat(page.expect().maxSize()).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void rejectsUnknownKeyInADeployMapWithSuggestion() {
        assertThat(onlyProblem("deploy-unknown-key.yaml"))
                .isEqualTo(problem(
                        "deploy-unknown-key.yaml",
                        14,
                        11,
                        "environments.staging.services.shop.deploy",
                        "unknown key 'undrian' (did you mean 'undrain'?), expected one of [context, path, staging,"
                                + " drain, undrain, smoke, timeout]"));
    }

    @Test
    void rejectsUnknownKeyInPromoteAfterWithSuggestion() {
        assertThat(onlyProblem("promote-after-unknown-key.yaml"))
                .isEqualTo(problem(
                        "promote-after-unknown-key.yaml",
                        9,
                        7,
                        "environments.production.promoteAfter",
                        "unknown key 'loadTest' (did you mean 'loadtest'?), expected one of [smoke, loadtest]"));
    }

    @Test
    void rejectsArtifactsThatIsAMapNotADirectory() {
        assertThat(onlyProblem("artifacts-not-a-path.yaml"))
                .isEqualTo(problem(
                        "artifacts-not-a-path.yaml", 4, 3, "artifacts", "expected a single value, found a map"));
    }

    @Test
    void rejectsMisspeltArtifactsWithSuggestion() {
        assertThat(onlyProblem("artifacts-misspelt.yaml"))
                .isEqualTo(problem(
                        "artifacts-misspelt.yaml",
                        3,
                        1,
                        "",
                        "unknown key 'artifact' (did you mean 'artifacts'?), expected one of [include, secrets,"
                                + " system, store, artifacts, people, environments, checks, scenarios, loadtests,"
                                + " drills, runbooks]"));
    }
}
