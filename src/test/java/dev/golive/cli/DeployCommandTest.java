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
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release's life on two real Tomcat instances reached over real SSH: v1 and v2 rolled out with
 * health checks and the instance smoke, a broken v3 stopped at the first instance and rolled back,
 * production refusing what staging never verified, and a WAR changed by hand shown as drift.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployCommandTest {
    @TempDir
    static Path dir;

    private static DeployFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = DeployFixture.create(dir);
        add(fixture.buildWar("1.0", true), "1.0");
        add(fixture.buildWar("2.0", true), "2.0");
        add(fixture.buildWar("3.0", false), "3.0", "--notes", "no health");
    }

    private static void add(Path war, String version, String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"release", "add", war.toString(), "--version=" + version}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        CliRun added = golive(args);
        assertThat(added.code()).as(added.out() + added.err()).isZero();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    static CliRun golive(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-f";
        all[args.length + 1] = fixture.plan().toString();
        return CliRun.of(fixture.env(), all);
    }

    private static String page(String address) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest get = HttpRequest.newBuilder(
                            URI.create("http://" + address + ":" + fixture.httpPort() + "/shop/index.html"))
                    .build();
            return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    @Order(1)
    void aVersionIsImmutableAndDifferentBytesUnderItAreRefused() throws Exception {
        Path other = fixture.buildWar("1.0-rebuilt", true);
        Files.writeString(other, "x", StandardOpenOption.APPEND);

        CliRun again = golive("release", "add", fixture.buildWar("1.0", true).toString(), "--version", "1.0");
        CliRun rebuilt = golive("release", "add", other.toString(), "--version", "1.0");

        assertThat(again.code()).isZero();
        assertThat(rebuilt.code()).isEqualTo(2);
        assertThat(rebuilt.err()).contains("release 1.0 already exists with other bytes", "a version is immutable");
        assertThat(golive("release", "list").out()).contains("1.0", "2.0", "3.0", "no health");
    }

    @Test
    @Order(2)
    void deploysV1ThenRollsV2OutInstanceByInstanceWithHealthAndSmoke() throws Exception {
        CliRun v1 = golive("deploy", "1.0", "--env", "staging", "--accept-new", "--as", "maria");
        CliRun v2 = golive("deploy", "2.0", "--env", "staging", "--as", "maria");

        assertThat(v1.code()).as(v1.out() + v1.err()).isZero();
        assertThat(v2.code()).as(v2.out() + v2.err()).isZero();
        assertThat(v2.out())
                .contains("shop/was1: verified - SHA-256 on the host matches 2.0", "shop/was1: smoke - instance passed")
                .containsPattern("deployed +shop/was1 +2.0")
                .containsPattern("deployed +shop/was2 +2.0")
                .contains("deploy 2.0 to staging: passed");
        // Instance by instance: was1 is back in the balancer before was2 is taken out.
        assertThat(v2.out().indexOf("shop/was1: undrained")).isLessThan(v2.out().indexOf("shop/was2: drained"));
        assertThat(page("127.0.0.1")).contains("shop 2.0");
        assertThat(page("127.0.0.2")).contains("shop 2.0");
        assertThat(fixture.drains("was2")).containsExactly("drain", "undrain", "drain", "undrain");
        assertThat(Files.exists(Path.of(fixture.war("was1") + ".golive-previous")))
                .isTrue();
        CliRun deployed = golive("deployed", "staging");
        assertThat(deployed.code()).as(deployed.out()).isZero();
        assertThat(deployed.out())
                .containsPattern("ok +shop/was1 +2.0 +2.0")
                .containsPattern("ok +shop/was2 +2.0 +2.0");
        CliRun show = golive("release", "show", "2.0");
        assertThat(show.out()).containsPattern("staging +shop/was2 +deploy +ok +maria");
        assertThat(show.out()).containsPattern("staging +smoke +instance +passed +maria +instance on shop/was1");
    }

    @Test
    @Order(3)
    void aBrokenReleaseIsStoppedAtTheFirstInstanceWhichIsRolledBackAndTheSecondNeverTouched() throws Exception {
        long was2Modified = Files.getLastModifiedTime(fixture.war("was2")).toMillis();

        CliRun v3 = golive("deploy", "3.0", "--env", "staging");

        assertThat(v3.code()).as(v3.out() + v3.err()).isEqualTo(1);
        assertThat(v3.out())
                .containsPattern("shop/was1: started FAILED - .*/shop/health")
                .containsPattern("rolled-back +shop/was1 +2.0 +.*the instance was rolled back to 2.0 and is healthy")
                .containsPattern("untouched +shop/was2 +2.0 +not touched: the rollout stopped before it")
                .doesNotContain("shop/was2: ");
        assertThat(v3.err()).contains("deploy 3.0 to staging rolled-back");
        assertThat(page("127.0.0.1")).contains("shop 2.0");
        assertThat(Files.getLastModifiedTime(fixture.war("was2")).toMillis()).isEqualTo(was2Modified);
        assertThat(golive("deployed", "staging").code()).isZero();
        JsonNode history = new ObjectMapper()
                .readTree(golive("history", "staging", "--json").out());
        assertThat(history.get("figures").get("deploys").asInt()).isEqualTo(3);
        assertThat(history.get("figures").get("failed").asInt()).isEqualTo(1);
        assertThat(history.get("figures").get("rollbacks").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void productionRefusesAReleaseStagingNeverVerified() {
        CliRun broken = golive("deploy", "3.0", "--env", "production", "--yes");
        CliRun forcedWithoutReason = golive("deploy", "3.0", "--env", "production", "--force");

        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err())
                .contains("refused: release 3.0 was never deployed to staging (where production is promoted from)");
        assertThat(forcedWithoutReason.code()).isEqualTo(2);
        assertThat(forcedWithoutReason.err()).contains("--force needs --reason and --approved-by");
        assertThat(golive("history", "production").out()).doesNotContain("3.0");
    }

    @Test
    @Order(5)
    void productionAsksForItsNameTypedBack() {
        CliRun wrong = CliRun.withInput(
                "prod\n",
                fixture.env(),
                "deploy",
                "2.0",
                "--env",
                "production",
                "-f",
                fixture.plan().toString());

        assertThat(wrong.out()).contains("Deploy 2.0 to production (shop/prod1)? Type the environment's name");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("not confirmed: production was not typed back; nothing was deployed");
    }

    @Test
    @Order(6)
    void aWarChangedByHandOnAHostShowsAsDrift() throws Exception {
        Files.write(fixture.war("was2"), new byte[] {42}, StandardOpenOption.APPEND);

        CliRun deployed = golive("deployed", "staging");

        assertThat(deployed.code()).isEqualTo(1);
        assertThat(deployed.out())
                .containsPattern("ok +shop/was1 +2.0")
                .containsPattern("drift +shop/was2 +\\? +2.0 +shop.war has SHA-256 [0-9a-f]{12} on the host, the"
                        + " ledger says 2.0");
        assertThat(deployed.err()).contains("1 of 2 instances of staging do not run what the ledger says");
    }
}
