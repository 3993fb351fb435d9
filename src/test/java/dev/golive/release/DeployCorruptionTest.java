package dev.golive.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.store.JournalQuery;
import dev.golive.store.Store;
import dev.golive.target.Command;
import dev.golive.target.HostKeyPolicy;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.Passphrases;
import dev.golive.target.SshSettings;
import dev.golive.testsupport.DeployFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An artifact damaged on its way to the host is refused before it is installed. */
class DeployCorruptionTest {
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

    @Test
    void aCopyDamagedInTransitIsRefusedBeforeInstallAndNoInstanceIsTouched() throws Exception {
        Plan plan = new PlanLoader(fixture.env(), null).load(fixture.plan());
        Environment staging = plan.environment("staging").orElseThrow();
        Store store = Store.open(null, plan.directory(), plan.secrets().masker());
        Releases releases = new Releases(store, new ArtifactStore(plan.artifactDirectory()), Clock.systemUTC());
        Ledger ledger = new Ledger(store, Clock.systemUTC());
        Release v1 = releases.add("1.0", List.of(fixture.buildWar("1.0", true)), null, "maria");
        Release v2 = releases.add("2.0", List.of(fixture.buildWar("2.0", true)), null, "maria");
        List<String> steps = new ArrayList<>();
        try (Hosts hosts = new Hosts(staging.hosts(), settings(plan), OutputListener.NONE)) {
            Deployer deployer =
                    new Deployer(plan, staging, hosts, store, releases, ledger, "maria", (i, s, ok, d) -> {});
            assertThat(deployer.deploy(v1, deployer.instances(null), 1, "deploy")
                            .passed())
                    .isTrue();
            byte[] before = Files.readAllBytes(fixture.war("was1"));
            Deployer damaging = new Deployer(
                    plan,
                    staging,
                    hosts,
                    store,
                    releases,
                    ledger,
                    "maria",
                    (i, s, ok, d) -> steps.add(i + " " + s + (ok ? "" : " FAILED")));
            damaging.afterUpload((target, path) -> target.run(
                            Command.of("printf X | dd of=" + path + " bs=1 seek=100 conv=notrunc 2>/dev/null"))
                    .orThrow());

            DeployReport report = damaging.deploy(v2, damaging.instances(null), 1, "deploy");

            assertThat(report.outcome()).isEqualTo("refused");
            assertThat(report.instances().get(0).outcome()).isEqualTo(InstanceResult.Outcome.REFUSED);
            assertThat(report.instances().get(0).detail())
                    .containsPattern("the staged shop.war has SHA-256 [0-9a-f]{64} on was1, release 2.0 has "
                            + v2.artifacts().get(0).sha256() + "; it was damaged in transit and was not installed")
                    .endsWith("shop/was1 was not touched");
            assertThat(report.instances().get(1).outcome()).isEqualTo(InstanceResult.Outcome.UNTOUCHED);
            assertThat(steps)
                    .containsExactly(
                            "shop/was1 checked",
                            "shop/was1 checked",
                            "shop/was1 uploaded",
                            "shop/was1 verified FAILED");
            assertThat(Files.readAllBytes(fixture.war("was1"))).isEqualTo(before);
            try (var staged = Files.list(fixture.dir().resolve("staging"))) {
                assertThat(staged).isEmpty();
            }
            assertThat(ledger.current("staging").values())
                    .extracting(LedgerEntry::version)
                    .containsOnly("1.0");
            assertThat(store.journal().list(JournalQuery.all().withKind("deploy.instance")))
                    .extracting(e -> e.subject())
                    .contains("shop/was1: refused");
        }
    }

    private static SshSettings settings(Plan plan) {
        return new SshSettings(
                Path.of(fixture.env().get("HOME")),
                plan.directory(),
                HostKeyPolicy.ACCEPT_NEW,
                Passphrases.fromEnvironment(Map.of()),
                null,
                System.getProperty("user.name"),
                Duration.ofSeconds(15),
                SshSettings.DEFAULT_PARALLELISM);
    }
}
