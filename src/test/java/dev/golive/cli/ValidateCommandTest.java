package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String EXAMPLE = "examples/shop/golive.yaml";

    @TempDir
    Path dir;

    @Test
    void exampleValidatesAndListsUnsetSecretsAsWarnings() {
        CliRun run = CliRun.of("validate", "-f", EXAMPLE);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("ok (2 environments, 7 instances, 6 checks");
        assertThat(run.err())
                .contains("warning: " + EXAMPLE + ":64:19: environments.production.services.db.password: "
                        + "secret DB_PASSWORD is not set");
    }

    @Test
    void exampleWithSecretsGivenHasNoWarnings() {
        CliRun run = CliRun.of(Map.of("DB_PASSWORD", "p1", "STG_DB_PASSWORD", "p2"), "validate", "-f", EXAMPLE);

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badPlanExitsWithTwoAndShowsLineColumnAndCaret() throws IOException {
        Path plan = write("system: shop\nenvironments:\n  prod:\n    hosts:\n      a: { adress: 10.0.0.1 }\n");

        CliRun run = CliRun.of("validate", "-f", plan.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains(plan + ":5:12: environments.prod.hosts.a: unknown key 'adress' (did you mean 'address'?)")
                .contains("    5 |       a: { adress: 10.0.0.1 }")
                .contains("      |            ^")
                .doesNotContain("\tat ");
    }

    @Test
    void missingPlanFileIsAUsageError() {
        CliRun run = CliRun.of("validate", "-f", dir.resolve("nothing.yaml").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no plan at " + dir.resolve("nothing.yaml"));
    }

    @Test
    void jsonReportsProblemsWithTheirPlace() throws IOException {
        Path plan = write("system: shop\nloadtests:\n  peak: { scenario: s, arrivals: [ { hold: 10, for: 1m } ] }\n");

        CliRun run = CliRun.of("validate", "--json", "-f", plan.toString());

        assertThat(run.code()).isEqualTo(2);
        JsonNode json = parse(run.out());
        assertThat(json.get("ok").asBoolean()).isFalse();
        JsonNode first = json.get("problems").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("path").asText()).isEqualTo("loadtests.peak.arrivals[0].hold");
        assertThat(first.get("message").asText()).startsWith("bad rate '10'");
    }

    @Test
    void stackTraceOnlyWithTheFlag() throws IOException {
        Path plan = write("system: [\n");

        assertThat(CliRun.of("validate", "-f", plan.toString()).err()).doesNotContain("\tat ");
        assertThat(CliRun.of("validate", "--stacktrace", "-f", plan.toString()).err())
                .contains("\tat ");
    }

    private Path write(String text) throws IOException {
        Path plan = dir.resolve("golive.yaml");
        Files.writeString(plan, text);
        return plan;
    }

    private static JsonNode parse(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
