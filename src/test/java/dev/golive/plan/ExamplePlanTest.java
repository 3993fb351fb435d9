package dev.golive.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example plan of examples/shop loads, and reads into the values it says. */
class ExamplePlanTest {
    private Plan plan;

    @BeforeEach
    void loadExample() {
        plan = new PlanLoader(Fixtures.SHOP_SECRETS, null).load(Fixtures.SHOP);
    }

    @Test
    void loadsWithSecretsFromTheEnvironment() {
        assertThat(plan.system()).isEqualTo("shop");
        assertThat(plan.file()).isEqualTo(Fixtures.SHOP);
        assertThat(plan.store()).isNull();
        assertThat(plan.secrets().count()).isEqualTo(2);
        assertThat(production().services().get("db").setting("password")).hasValue("pg-Pr0d-s3cret");
    }

    @Test
    void promotesFromStagingToProduction() {
        assertThat(plan.promotionOrder()).extracting(Environment::name).containsExactly("staging", "production");
        assertThat(production().promoteFrom()).isEqualTo("staging");
        assertThat(production().entry()).isEqualTo("https://shop.example");
    }

    @Test
    void hasAnInstanceForEveryServiceOnEveryHost() {
        assertThat(production().instances())
                .extracting(Instance::id)
                .containsExactly("web/web1", "web/web2", "was/was1", "was/was2", "postgres/db1");
        assertThat(production().instances("was"))
                .extracting(i -> i.host().target())
                .containsExactly("deploy@10.0.1.21", "deploy@10.0.1.22");
    }

    @Test
    void readsHostsAndServices() {
        Host was1 = production().hosts().get("was1");
        assertThat(was1.via()).isEqualTo("bastion");
        assertThat(was1.sudo()).isEqualTo("tomcat");
        assertThat(was1.port()).isEqualTo(22);

        Service was = production().services().get("was");
        assertThat(was.kind()).isEqualTo(ServiceKind.TOMCAT);
        assertThat(was.survivable()).isEqualTo(1);
        assertThat(was.httpPort()).isEqualTo(8080);
        assertThat(was.settings())
                .containsExactly(Map.entry("home", "/usr/share/tomcat10"), Map.entry("base", "/var/lib/tomcat10"));
        assertThat(production().services().get("lb").on()).isEmpty();
    }

    @Test
    void readsChecksWithTheirExpectations() {
        assertThat(plan.checks())
                .extracting(Check::kind)
                .containsExactly("db", "db", "health", "http", "command", "tcp");
        Check products = plan.checks().get(0);
        assertThat(products.expect()).isEqualTo(new Expectation(">=", "10000"));
        assertThat(products.service()).isEqualTo("db");
        assertThat(products.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.checks().get(5).environments()).containsExactly("production");
    }

    @Test
    void readsScenariosFromTheInclude() {
        Scenario order = plan.scenarios().get("order");

        assertThat(order.feed()).isEqualTo(new Scenario.Feed("customers.csv", "circular"));
        assertThat(order.transactions()).containsExactly("login", "checkout");
        Step.Transaction login = (Step.Transaction) order.steps().get(0);
        Step.Request post = (Step.Request) login.steps().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.form()).containsEntry("id", "${id}").containsEntry("pw", "${pw}");
        assertThat(post.redirects()).isFalse();
        assertThat(post.expect().status()).containsExactly(302);
        assertThat(order.steps().get(2))
                .isEqualTo(new Step.Think(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(3),
                        order.steps().get(2).location()));
        Step.Request cart =
                (Step.Request) ((Step.Transaction) order.steps().get(3)).steps().get(0);
        assertThat(cart.json()).isEqualTo("{\"item\":\"${item}\",\"quantity\":1}");
    }

    @Test
    void readsOpenLoadTestWithMixPhasesTargetsAndWindow() {
        LoadTest peak = plan.loadTests().get("peak");

        assertThat(peak.model()).isEqualTo("open");
        assertThat(peak.mix()).containsExactly(Map.entry("order", 70.0), Map.entry("browse", 30.0));
        assertThat(peak.phases())
                .containsExactly(
                        new LoadTest.Phase(0, 300, Duration.ofMinutes(5)),
                        new LoadTest.Phase(300, 300, Duration.ofMinutes(30)));
        assertThat(peak.duration()).isEqualTo(Duration.ofMinutes(35));
        assertThat(peak.targets().p95()).isEqualTo(Duration.ofMillis(800));
        assertThat(peak.targets().errors()).isEqualTo(0.1);
        assertThat(peak.targets().tps()).isEqualTo(290.0);
        assertThat(peak.transactionTargets().get("checkout").errors()).isEqualTo(0.5);
        assertThat(peak.window().contains(LocalTime.of(2, 0))).isTrue();
        assertThat(peak.window().contains(LocalTime.of(12, 0))).isFalse();
        assertThat(peak.capture().services()).containsExactly("was");
    }

    @Test
    void readsClosedLoadTestWithWindowAcrossMidnight() {
        LoadTest endurance = plan.loadTests().get("endurance");

        assertThat(endurance.model()).isEqualTo("closed");
        assertThat(endurance.mix()).containsExactly(Map.entry("browse", 100.0));
        assertThat(endurance.duration()).isEqualTo(Duration.ofMinutes(122));
        assertThat(endurance.window().contains(LocalTime.of(23, 0))).isTrue();
        assertThat(endurance.window().contains(LocalTime.of(5, 59))).isTrue();
        assertThat(endurance.window().contains(LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void readsDrills() {
        Drill down = plan.drills().get("one-was-down");
        assertThat(down.rate()).isEqualTo(50.0);
        assertThat(down.fault()).isEqualTo(new Drill.Fault("kill", "was", 1, List.of(), null, Duration.ofSeconds(30)));
        assertThat(down.expect().recovery()).isEqualTo(Duration.ofSeconds(30));

        Drill.Fault hang = plan.drills().get("one-web-hangs").fault();
        assertThat(hang.instances()).containsExactly("web1");
        assertThat(hang.duration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void readsRunbookWithPlannedTimesDependenciesAndGate() {
        Runbook openDay = plan.runbooks().get("open-day");

        assertThat(openDay.steps())
                .extracting(Runbook.RunbookStep::id)
                .containsExactly(
                        "freeze",
                        "backup",
                        "ready",
                        "deploy",
                        "clear-logs",
                        "smoke",
                        "business",
                        "go",
                        "open-lb",
                        "announce");
        Runbook.RunbookStep freeze = openDay.steps().get(0);
        assertThat(freeze.at().resolve(LocalDateTime.MIN)).isEqualTo(LocalDateTime.of(2026, 12, 4, 21, 0));
        assertThat(freeze.duration()).isEqualTo(Duration.ofMinutes(5));
        Runbook.RunbookStep deploy = openDay.steps().get(3);
        assertThat(deploy.after()).containsExactly("backup", "ready");
        assertThat(deploy.options()).containsEntry("release", "1.4.2").containsEntry("to", "production");
        Runbook.RunbookStep go = openDay.steps().get(7);
        assertThat(go.kind()).isEqualTo("gate");
        assertThat(go.approvers()).containsExactly("pm", "architect");
        assertThat(openDay.rollback()).extracting(Runbook.RunbookStep::id).containsExactly("back", "notice");
    }

    @Test
    void lenientLoaderListsBothMissingSecrets() {
        Plan lenient = new PlanLoader(Map.of(), null).allowingMissingSecrets().load(Fixtures.SHOP);

        assertThat(lenient.secrets().missing())
                .containsExactly(
                        Fixtures.SHOP + ":28:24: environments.staging.services.db.password: secret STG_DB_PASSWORD is"
                                + " not set",
                        Fixtures.SHOP + ":64:19: environments.production.services.db.password: secret DB_PASSWORD is"
                                + " not set");
    }

    private Environment production() {
        return plan.environments().get("production");
    }
}
