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

/** A think time that oversleeps delays the step after it, which is charged with the delay. */
class ThinkTimeTest {
    private static final Duration OVERSLEPT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void anOversleptPauseIsChargedToTheNextStepNotToItself() throws IOException {
        try (RudeServer rude = RudeServer.start()) {
            Path file = Files.writeString(dir.resolve("golive.yaml"), """
                    system: shop
                    environments:
                      test: { entry: "%s" }
                    scenarios:
                      browse:
                        steps:
                          - { think: 10ms }
                          - { get: /ok, name: after }
                    """.formatted(rude.url()));
            Plan plan = new PlanLoader(Map.of(), null).load(file);
            Pause oversleeping = d -> Thread.sleep(d.plus(OVERSLEPT));

            List<StepResult> steps = run(plan, oversleeping);

            assertThat(steps.get(0).time()).isEqualTo(Duration.ofMillis(10));
            assertThat(steps.get(1).name()).isEqualTo("after");
            assertThat(steps.get(1).time()).isGreaterThanOrEqualTo(OVERSLEPT);
            assertThat(steps.get(1).service()).isLessThan(steps.get(1).time());
        }
    }

    private static List<StepResult> run(Plan plan, Pause pause) {
        try (ScenarioRunner runner = new ScenarioRunner(
                plan, plan.environment("test").orElseThrow(), Timeouts.standard(), pause, new Random(1))) {
            return runner.run(plan.scenarios().get("browse"), s -> {}).steps();
        }
    }
}
