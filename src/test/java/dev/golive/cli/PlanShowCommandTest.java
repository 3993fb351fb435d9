package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanShowCommandTest {
    private static final String EXAMPLE = "examples/shop/golive.yaml";
    private static final Map<String, String> SECRETS =
            Map.of("DB_PASSWORD", "pr0d-Secret", "STG_DB_PASSWORD", "st4ge-Secret");

    @Test
    void showsInstancesOfOneEnvironmentAsATable() {
        CliRun run = CliRun.of(SECRETS, "plan", "show", "production", "-f", EXAMPLE);

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("environment production (promoted from staging)")
                .containsPattern("was/was1 +deploy@10\\.0\\.1\\.21 via bastion http:8080")
                .doesNotContain("environment staging");
    }

    @Test
    void neverPrintsSecrets() {
        CliRun table = CliRun.of(SECRETS, "plan", "show", "-f", EXAMPLE);
        CliRun json = CliRun.of(SECRETS, "plan", "show", "--json", "-f", EXAMPLE);

        assertThat(table.out() + json.out()).doesNotContain("pr0d-Secret").doesNotContain("st4ge-Secret");
        assertThat(table.out()).contains("password=****");
        assertThat(json.out()).contains("\"password\" : \"****\"");
    }

    @Test
    void listsEnvironmentsInPromotionOrder() {
        CliRun run = CliRun.of(SECRETS, "plan", "show", "-f", EXAMPLE);

        assertThat(run.out().indexOf("environment staging"))
                .isLessThan(run.out().indexOf("environment production"));
    }

    @Test
    void unknownEnvironmentIsAUsageErrorNamingTheChoices() {
        CliRun run = CliRun.of(SECRETS, "plan", "show", "prod", "-f", EXAMPLE);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no environment named 'prod' in the plan; defined: [staging, production]");
    }
}
