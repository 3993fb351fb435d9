package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.ShopApp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A recording of the shop, made against another server: its CSRF token, order id and order
 * token are not the ones the live shop hands out, so the imported scenario passes only if it
 * saves the live values and sends them back.
 */
class RecordImportShopTest {
    private static final Map<String, String> ENV = Map.of("PW", "ecila", "GOLIVE_USER", "tester");
    private static ShopApp shop;

    @TempDir
    Path dir;

    private String plan;
    private Path scenario;

    @BeforeAll
    static void startShop() throws IOException {
        shop = ShopApp.start();
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void importRecording() throws IOException, URISyntaxException {
        Path har = Path.of(getClass().getResource("/har/shop-checkout.har").toURI());
        scenario = dir.resolve("checkout.yaml");
        CliRun imported =
                CliRun.of("record", "import", har.toString(), "--scenario", "checkout", "--out", scenario.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                system: shop
                include: checkout.yaml
                environments:
                  staging: { entry: "%s" }
                """.formatted(shop.url()))
                .toString();
    }

    @Test
    void theImportedScenarioPassesAgainstTheLiveShop() throws IOException {
        CliRun smoke = CliRun.of(ENV, "smoke", "staging", "checkout", "--no-think", "-f", plan);

        assertThat(smoke.code()).as(smoke.out() + smoke.err()).isZero();
        assertThat(smoke.out())
                .containsPattern("ok    200 +\\d+ ms  GET /shop/signin\n")
                .containsPattern("ok    200 +\\d+ ms  POST /shop/signin\n")
                .containsPattern("ok    201 +\\d+ ms  POST /shop/orders\n")
                .containsPattern("ok    200 +\\d+ ms  POST /shop/orders/\\$\\{orderId}/pay\n")
                .contains("smoke staging: all 1 scenarios passed");
        assertThat(Files.readString(scenario))
                .doesNotContain("c5f2a9e07b1d4c3a", "ord-3f9a1c22", "5d0e81c0e2d4", "ecila", "t-alice-41");
    }

    @ParameterizedTest
    @CsvSource({
        "'\"${csrf}\"', '\"c5f2a9e07b1d4c3a\"', POST /shop/signin, bad or missing csrf token",
        "'/${orderId}', '/ord-3f9a1c22', GET /shop/orders/ord-3f9a1c22, no such order",
        "'\"${orderToken}\"', '\"5d0e81c0e2d4\"', POST /shop/orders/${orderId}/pay, bad order token"
    })
    void withARecordedValueSentBackAsRecordedTheScenarioFails(
            String reference, String recorded, String failedStep, String answer) throws IOException {
        Files.writeString(scenario, Files.readString(scenario).replace(reference, recorded));

        CliRun smoke = CliRun.of(ENV, "smoke", "staging", "checkout", "--no-think", "-f", plan);

        assertThat(smoke.code()).as(smoke.out()).isEqualTo(1);
        assertThat(smoke.out()).contains("failed at " + failedStep + "\n", answer);
    }
}
