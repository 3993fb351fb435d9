package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.DeployFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotion from staging (two real Tomcat instances) to production (its own real Tomcat), all
 * reached over real SSH: a release deployed and smoke-verified in staging goes to production, and
 * one staging never saw goes only with an override that is journaled with who approved it and why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployPromotionTest {
    @TempDir
    static Path dir;

    private static DeployFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = DeployFixture.create(dir);
        DeployCli.addReleases(fixture, "1.0", "2.0");
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private static CliRun golive(String... args) {
        return DeployCli.golive(fixture, args);
    }

    private static String page(int port) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/shop/index.html"))
                    .build();
            return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    @Order(1)
    void aReleaseDeployedAndSmokedInStagingIsPromotedToProduction() throws Exception {
        CliRun staging = golive("deploy", "1.0", "--env", "staging", "--accept-new", "--as", "maria");
        assertThat(staging.code()).as(staging.out() + staging.err()).isZero();
        assertThat(staging.out()).contains("shop/was1: smoke - instance passed");

        CliRun production = golive("deploy", "1.0", "--env", "production", "--yes", "--as", "maria");

        assertThat(production.code()).as(production.out() + production.err()).isZero();
        assertThat(production.out())
                .doesNotContain("forced")
                .containsPattern("deployed +shop/prod1 +1.0")
                .contains("deploy 1.0 to production: passed");
        assertThat(page(fixture.productionPort())).contains("shop 1.0");
        CliRun deployed = golive("deployed", "production");
        assertThat(deployed.code()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out()).containsPattern("ok +shop/prod1 +1.0 +1.0");
        assertThat(golive("release", "show", "1.0").out())
                .containsPattern("production +shop/prod1 +deploy +ok +maria")
                .containsPattern("staging +smoke +instance +passed +maria");
    }

    @Test
    @Order(2)
    void anOverrideDeploysAReleaseStagingNeverVerifiedAndIsJournaledWithWhoAndWhy() throws Exception {
        String[] forced = {
            "deploy",
            "2.0",
            "--env",
            "production",
            "--force",
            "--reason",
            "the cart total is wrong in production",
            "--approved-by",
            "anna",
            "--as",
            "kenji",
            "-f",
            fixture.plan().toString()
        };
        CliRun unconfirmed = CliRun.withInput("prod\n", fixture.env(), forced);
        List<String> confirmed = new ArrayList<>(List.of(forced));
        confirmed.add("--yes");

        CliRun override = CliRun.of(fixture.env(), confirmed.toArray(String[]::new));

        assertThat(unconfirmed.code()).isEqualTo(1);
        assertThat(override.code()).as(override.out() + override.err()).isZero();
        assertThat(override.out())
                .contains("forced: release 2.0 was never deployed to staging (where production is promoted from)")
                .contains("approved by anna: the cart total is wrong in production")
                .containsPattern("deployed +shop/prod1 +2.0");
        assertThat(page(fixture.productionPort())).contains("shop 2.0");
        assertThat(page(fixture.httpPort())).contains("shop 1.0");
        JsonNode journal = new ObjectMapper()
                .readTree(golive("journal", "--kind", "deploy.forced", "--json").out());
        // The override that was not confirmed deployed nothing and is not on record.
        assertThat(journal).hasSize(1);
        JsonNode entry = journal.get(0);
        assertThat(entry.get("subject").asText()).isEqualTo("2.0 to production, approved by anna");
        assertThat(entry.get("actor").asText()).isEqualTo("kenji");
        assertThat(entry.get("data").get("reason").asText()).isEqualTo("the cart total is wrong in production");
        assertThat(entry.get("data").get("approvedBy").asText()).isEqualTo("anna");
        assertThat(entry.get("data").get("refusal").asText()).contains("was never deployed to staging");
        assertThat(golive("deployed", "production").out()).containsPattern("ok +shop/prod1 +2.0 +2.0");
    }
}
