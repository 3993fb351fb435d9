package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.RudeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each way a server can fail a request is counted as its own kind of error, with a clear message. */
class ErrorKindsTest {
    private static RudeServer rude;
    private static int closedPort;

    @TempDir
    Path dir;

    private Plan plan;

    @BeforeAll
    static void start() throws IOException {
        rude = RudeServer.start();
        closedPort = Ports.closed();
    }

    @AfterAll
    static void stop() {
        rude.close();
    }

    private void plan(String url) throws IOException {
        Path file = Files.writeString(dir.resolve("golive.yaml"), """
                system: shop
                environments:
                  test: { entry: "%s" }
                scenarios:
                  one:
                    steps:
                      - { get: "%s" }
                  checked:
                    steps:
                      - { get: /ok, expect: { contains: "not there" } }
                  unfilled:
                    steps:
                      - { get: "/ok/${nothing}" }
                """.formatted(rude.url(), url));
        plan = new PlanLoader(Map.of(), null).load(file);
    }

    @ParameterizedTest
    @CsvSource({
        "/ok, , ",
        "/missing, status, 'status: expected 2xx or 3xx, got 404'",
        "/reset, reset, ",
        "/close, reset, the server closed the connection before answering",
        "/malformed, malformed, malformed response",
        "/huge?mb=70, too-large, ",
        "/hang, timeout, within 1000 ms",
        "CLOSED, connect, cannot connect to",
    })
    void aFailedRequestSaysWhatKindOfFailureItWas(String path, String kind, String message) throws IOException {
        String url = path.equals("CLOSED") ? "http://127.0.0.1:" + closedPort + "/x" : rude.url() + path;

        StepResult step = run("one", url);

        assertThat(step.error()).as(step.failure()).isEqualTo(kind);
        if (message != null) {
            assertThat(step.failure()).contains(message);
        }
    }

    @ParameterizedTest
    @CsvSource({"checked, check, 'expected the body to contain'", "unfilled, script, nothing"})
    void checksAndScriptsAreTheirOwnKinds(String scenario, String kind, String message) throws IOException {
        StepResult step = run(scenario, null);

        assertThat(step.error()).isEqualTo(kind);
        assertThat(step.failure()).contains(message);
    }

    private StepResult run(String scenario, String url) throws IOException {
        plan(url == null ? "/ok" : url);
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (ScenarioRunner runner =
                new ScenarioRunner(plan, plan.environment("test").orElseThrow(), timeouts, d -> {}, new Random(1))) {
            try (ScenarioRunner.User user = runner.user()) {
                return user.run(plan.scenarios().get(scenario), s -> {}).steps().getFirst();
            }
        }
    }
}
