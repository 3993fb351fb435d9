package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.ShopApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeCommandTest {
    private static final Map<String, String> ENV = Map.of("SHOP_PW", "ecila", "GOLIVE_USER", "tester");
    private static ShopApp shop;

    @TempDir
    Path dir;

    private String plan;

    @BeforeAll
    static void startShop() throws IOException {
        shop = ShopApp.start();
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void writePlan() throws IOException {
        Files.writeString(dir.resolve("terms.csv"), "term\nred hat\n");
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                system: shop
                environments:
                  staging: { entry: "%s" }
                scenarios:
                  order:
                    feed: { file: terms.csv }
                    steps:
                      - transaction: login
                        steps:
                          - { post: /shop/login, form: { id: alice, pw: "${secret:SHOP_PW}" }, redirects: false,
                              expect: { status: 302 } }
                      - { get: "/shop/search?q=${term}", save: { item: "$.items[0].id" } }
                      - { think: 10ms }
                      - { post: /shop/cart, json: { item: "${item}" }, expect: { json: { "$.state": added } } }
                  broken:
                    steps:
                      - { post: /shop/login, form: { id: alice, pw: "${secret:SHOP_PW}" }, redirects: false }
                      - { post: /shop/cart, json: { item: "x" }, expect: { json: { "$.state": paid } } }
                """.formatted(shop.url()))
                .toString();
    }

    @Test
    void aPassingScenarioPrintsOneLinePerStepAndIsJournaled() {
        CliRun run = CliRun.of(ENV, "smoke", "staging", "order", "-f", plan);
        CliRun journal = CliRun.of(ENV, "journal", "-f", plan);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("smoke staging: order\n"
                        + "  ok    302 +\\d+ ms    POST /shop/login\n"
                        + "  ok      - +\\d+ ms  transaction login\n"
                        + "  ok    200 +\\d+ ms  GET /shop/search\\?q=\\$\\{term}\n"
                        + "  ok      - +10 ms  think 10 ms\n"
                        + "  ok    200 +\\d+ ms  POST /shop/cart\n"
                        + "  passed\n"
                        + "smoke staging: all 1 scenarios passed\n");
        assertThat(journal.out()).containsPattern("smoke.passed +tester +order on staging");
    }

    @Test
    void aFailingStepShowsItsRequestAndResponseInFullWithSecretsMasked() {
        CliRun run = CliRun.of(ENV, "smoke", "staging", "broken", "-f", plan);
        CliRun journal = CliRun.of(ENV, "journal", "--json", "-f", plan);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("  FAIL  200")
                .contains("json $.state: expected 'paid', got 'added'")
                .contains("  --- request ---\n    POST " + shop.url() + "/shop/cart\n")
                .contains("    Cookie: session=t-alice-")
                .contains("    {\"item\":\"x\"}")
                .contains("  --- response ---\n    200 OK (")
                .contains("    {\"state\":\"added\",\"item\":\"x\",\"user\":\"alice\"}")
                .contains("  failed at POST /shop/cart");
        assertThat(run.err()).isEqualTo("smoke staging: 1 of 1 scenarios failed\n");
        assertThat(journal.out())
                .contains("\"kind\" : \"smoke.failed\"", "\"failure\" : \"json $.state: expected 'paid', got 'added'\"")
                .doesNotContain("ecila");
    }

    @Test
    void secretsInAFailingRequestAreMasked() throws IOException {
        Files.writeString(
                Path.of(plan),
                Files.readString(Path.of(plan))
                        .replace("redirects: false }", "redirects: false, expect: { status: 200 } }"));

        CliRun run = CliRun.of(ENV, "smoke", "staging", "broken", "-f", plan);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("status: expected 200, got 302 Temporary Redirect", "id=alice&pw=****")
                .doesNotContain("ecila");
    }

    @Test
    void allScenariosRunWhenNoneIsNamed() {
        CliRun run = CliRun.of(ENV, "smoke", "staging", "--no-think", "-f", plan);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("smoke staging: order\n", "smoke staging: broken\n");
        assertThat(run.err()).isEqualTo("smoke staging: 1 of 2 scenarios failed\n");
    }

    @Test
    void unknownEnvironmentOrScenarioIsBadUsageListingTheChoices() {
        CliRun env = CliRun.of(ENV, "smoke", "prod", "-f", plan);
        CliRun scenario = CliRun.of(ENV, "smoke", "staging", "ordr", "-f", plan);

        assertThat(env.code()).isEqualTo(2);
        assertThat(env.err()).isEqualTo("no environment 'prod' in the plan; expected one of [staging]\n");
        assertThat(scenario.code()).isEqualTo(2);
        assertThat(scenario.err()).isEqualTo("no scenario 'ordr' in the plan; expected one of [order, broken]\n");
    }
}
