package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.ChildJvm;
import dev.golive.testsupport.DeployFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A golive killed in the middle of an instance leaves a journal that tells the truth and lets the deploy finish. */
class DeployResumeTest {
    @TempDir
    static Path dir;

    private static DeployFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = DeployFixture.create(dir);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private static CliRun golive(String... args) {
        return DeployCli.golive(fixture, args);
    }

    @Test
    void aDeployKilledMidInstanceIsToldByDeployedAndFinishedByResume() throws Exception {
        assertThat(golive("release", "add", fixture.buildWar("1.0", true).toString(), "--version", "1.0")
                        .code())
                .isZero();
        assertThat(golive("release", "add", fixture.buildWar("2.0", true).toString(), "--version", "2.0")
                        .code())
                .isZero();
        CliRun v1 = golive("deploy", "1.0", "--env", "staging", "--accept-new", "--as", "maria");
        assertThat(v1.code()).as(v1.out() + v1.err()).isZero();

        try (ChildJvm child = ChildJvm.start(
                Main.class,
                "deploy",
                "2.0",
                "--env",
                "staging",
                "--as",
                "kenji",
                "-f",
                fixture.plan().toString())) {
            while (child.lines().stream().noneMatch(l -> l.startsWith("shop/was1: stopped"))) {
                assertThat(child.isAlive()).as(child.lines() + child.errors()).isTrue();
                Thread.sleep(10);
            }
            child.kill();
        }

        CliRun told = golive("deployed", "staging");
        CliRun another = golive("deploy", "2.0", "--env", "staging");
        CliRun resumed = golive("deploy", "--resume", "--env", "staging", "--as", "maria");
        CliRun after = golive("deployed", "staging");

        assertThat(told.code()).isEqualTo(1);
        assertThat(told.out())
                .containsPattern(
                        "interrupted +shop/was1 +(1.0|2.0) +1.0 +deploy \\S+ of 2.0 stopped while working on it")
                .contains("finish it with golive deploy --resume --env staging")
                .containsPattern("ok +shop/was2 +1.0 +1.0");
        assertThat(another.code()).isEqualTo(2);
        assertThat(another.err()).containsPattern("deploy \\S+ holds staging: it is running, or it was interrupted");
        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out())
                .containsPattern("deployed +shop/was1 +2.0")
                .containsPattern("deployed +shop/was2 +2.0");
        assertThat(after.code()).as(after.out()).isZero();
        assertThat(after.out()).containsPattern("ok +shop/was1 +2.0 +2.0").containsPattern("ok +shop/was2 +2.0 +2.0");
        JsonNode history = new ObjectMapper()
                .readTree(golive("history", "staging", "--json").out());
        List<String> results = new ArrayList<>();
        history.get("entries")
                .forEach(e -> results.add(e.get("instance").asText() + " "
                        + e.get("version").asText() + " " + e.get("result").asText() + " "
                        + e.get("actor").asText()));
        assertThat(results)
                .containsExactly(
                        "shop/was1 1.0 ok maria",
                        "shop/was2 1.0 ok maria",
                        "shop/was1 2.0 interrupted kenji",
                        "shop/was1 2.0 ok maria",
                        "shop/was2 2.0 ok maria");
    }
}
