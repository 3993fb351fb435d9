package dev.golive.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.testsupport.RudeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response timeout is one check per connection, re-armed for the request in flight: it must
 * not fail a connection that is only idle, and must still fail a request sent after an idle spell.
 */
class ResponseTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void aConnectionIdleForLongerThanTheTimeoutStillServesTheNextRequest() throws IOException {
        List<StepResult> steps = run("- { get: /ok }\n- { think: 1500ms }\n- { get: /ok }");

        assertThat(steps)
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.passed()).as(s.failure()).isTrue());
    }

    @Test
    void aRequestSentAfterAnIdleSpellStillTimesOut() throws IOException {
        List<StepResult> steps = run("- { get: /ok }\n- { think: 1500ms }\n- { get: /hang }");

        StepResult hung = steps.getLast();
        assertThat(hung.error()).isEqualTo(Errors.TIMEOUT);
        assertThat(hung.failure()).contains("within 1000 ms");
    }

    private List<StepResult> run(String steps) throws IOException {
        try (RudeServer rude = RudeServer.start()) {
            return run(steps, rude.url());
        }
    }

    private List<StepResult> run(String steps, String url) throws IOException {
        Path file = Files.writeString(
                dir.resolve("golive.yaml"), """
                system: shop
                environments:
                  test: { entry: "%s" }
                scenarios:
                  idle:
                    steps:
                %s
                """.formatted(url, steps.indent(6).stripTrailing()));
        Plan plan = new PlanLoader(Map.of(), null).load(file);
        Timeouts timeouts = new Timeouts(TIMEOUT, TIMEOUT);
        try (ScenarioRunner runner = new ScenarioRunner(
                plan, plan.environment("test").orElseThrow(), timeouts, Pause.sleeping(), new Random(1))) {
            return runner.run(plan.scenarios().get("idle"), s -> {}).steps();
        }
    }
}
