package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.DeployFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * Rollbacks on two real Tomcat instances reached over real SSH: both instances deployed at once,
 * the environment put back on the release before and then on a named one, and a failed deploy of
 * the same bytes again that must put those same bytes back, not the older ones kept beside them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployRollbackTest {
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

    private static String page(String address) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest get = HttpRequest.newBuilder(
                            URI.create("http://" + address + ":" + fixture.httpPort() + "/shop/index.html"))
                    .build();
            return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static List<JsonNode> history() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper()
                .readTree(golive("history", "staging", "--json").out())
                .get("entries")
                .forEach(out::add);
        return out;
    }

    @Test
    @Order(1)
    void aBatchOfTwoDeploysBothInstancesAtOnce() throws Exception {
        CliRun v1 = golive("deploy", "1.0", "--env", "staging", "--batch", "2", "--accept-new", "--as", "maria");

        assertThat(v1.code()).as(v1.out() + v1.err()).isZero();
        assertThat(v1.out())
                .containsPattern("deployed +shop/was1 +1.0")
                .containsPattern("deployed +shop/was2 +1.0")
                .contains("deploy 1.0 to staging: passed");
        List<JsonNode> entries = history();
        assertThat(entries).hasSize(2);
        Instant oneStarted = Instant.parse(entries.get(0).get("startedAt").asText());
        Instant oneEnded = Instant.parse(entries.get(0).get("endedAt").asText());
        Instant twoStarted = Instant.parse(entries.get(1).get("startedAt").asText());
        Instant twoEnded = Instant.parse(entries.get(1).get("endedAt").asText());
        // At once: each instance was begun before the other one was done.
        assertThat(oneStarted).isBefore(twoEnded);
        assertThat(twoStarted).isBefore(oneEnded);
        assertThat(entries.get(0).get("run").asText())
                .isEqualTo(entries.get(1).get("run").asText());
        assertThat(page("127.0.0.1")).contains("shop 1.0");
        assertThat(page("127.0.0.2")).contains("shop 1.0");
    }

    @Test
    @Order(2)
    void rollbackWithoutToPutsTheEnvironmentBackOnTheReleaseBefore() throws Exception {
        CliRun v2 = golive("deploy", "2.0", "--env", "staging", "--as", "maria");
        assertThat(v2.code()).as(v2.out() + v2.err()).isZero();
        assertThat(page("127.0.0.1")).contains("shop 2.0");

        CliRun back = golive("rollback", "--env", "staging", "--as", "kenji");

        assertThat(back.code()).as(back.out() + back.err()).isZero();
        assertThat(back.out())
                .containsPattern("deployed +shop/was1 +1.0")
                .containsPattern("deployed +shop/was2 +1.0")
                .contains("rollback 1.0 to staging: passed");
        CliRun deployed = golive("deployed", "staging");
        assertThat(deployed.code()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out())
                .containsPattern("ok +shop/was1 +1.0 +1.0")
                .containsPattern("ok +shop/was2 +1.0 +1.0");
        assertThat(page("127.0.0.1")).contains("shop 1.0");
        assertThat(page("127.0.0.2")).contains("shop 1.0");
        List<JsonNode> entries = history();
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("rollback");
        assertThat(last.get("version").asText()).isEqualTo("1.0");
        assertThat(last.get("previous").asText()).isEqualTo("2.0");
        assertThat(last.get("actor").asText()).isEqualTo("kenji");
    }

    @Test
    @Order(3)
    void rollbackToANamedReleasePutsThatOneBack() throws Exception {
        CliRun to = golive("rollback", "--env", "staging", "--to", "2.0", "--as", "kenji");

        assertThat(to.code()).as(to.out() + to.err()).isZero();
        assertThat(to.out()).contains("rollback 2.0 to staging: passed");
        CliRun deployed = golive("deployed", "staging");
        assertThat(deployed.code()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out())
                .containsPattern("ok +shop/was1 +2.0 +2.0")
                .containsPattern("ok +shop/was2 +2.0 +2.0");
        assertThat(page("127.0.0.1")).contains("shop 2.0");
        assertThat(page("127.0.0.2")).contains("shop 2.0");
    }

    @Test
    @Order(4)
    void aFailedDeployOfTheSameBytesAgainPutsThoseSameBytesBack() throws Exception {
        byte[] v2 = Files.readAllBytes(fixture.buildWar("2.0", true));
        // Since the rollback to 2.0, the file kept beside was1's WAR for a rollback is 1.0's.
        fixture.failNextUndrain("was1");

        CliRun again = golive("deploy", "2.0", "--env", "staging");

        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(1);
        assertThat(again.out())
                .containsPattern("shop/was1: undrained FAILED")
                .containsPattern("rolled-back +shop/was1 +2.0 +.*the instance was rolled back to 2.0 and is healthy")
                .containsPattern("untouched +shop/was2 +2.0");
        assertThat(Files.readAllBytes(fixture.war("was1"))).isEqualTo(v2);
        assertThat(page("127.0.0.1")).contains("shop 2.0");
        CliRun deployed = golive("deployed", "staging");
        assertThat(deployed.code()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out()).containsPattern("ok +shop/was1 +2.0 +2.0");
    }
}
