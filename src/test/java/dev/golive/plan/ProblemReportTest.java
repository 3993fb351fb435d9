package dev.golive.plan;

import static dev.golive.plan.Fixtures.failure;
import static dev.golive.plan.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How problems are shown to the user: one line each, the source line, a caret, a count. */
class ProblemReportTest {
    @Test
    void rendersProblemWithSourceLineAndCaret() {
        Path file = fixture("bad-duration.yaml");

        assertThat(failure("bad-duration.yaml").getMessage())
                .isEqualTo(file + ":12:35: loadtests.peak.arrivals[0].over: bad duration '5 minutes': expected a number"
                        + " and a unit (ms, s, m, h, d), like 800ms, 30s, 5m or 1m30s\n"
                        + "   12 |       - { ramp: 0/s..300/s, over: 5 minutes }\n"
                        + "      |                                   ^\n"
                        + "1 problem in the plan");
    }

    @Test
    void rendersEveryProblemAndCountsThem() {
        Path file = fixture("runbook-step-cycle.yaml");

        assertThat(failure("runbook-step-cycle.yaml").getMessage())
                .isEqualTo(file + ":6:9: runbooks.open-day.steps.deploy.after: step dependencies go in a circle:"
                        + " deploy -> smoke -> deploy\n"
                        + "    6 |       - { id: deploy, after: [freeze, smoke], manual: \"Deploy 1.4.2\" }\n"
                        + "      |         ^\n"
                        + file + ":7:9: runbooks.open-day.steps.smoke.after: step dependencies go in a circle:"
                        + " smoke -> deploy -> smoke\n"
                        + "    7 |       - { id: smoke, after: [deploy], manual: \"Run the smoke test\" }\n"
                        + "      |         ^\n"
                        + "2 problems in the plan");
    }

    @Test
    void quotesTheLineTheParserCountsAfterAUnicodeLineSeparator(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("golive.yaml"), "# staging and production\u2028\nsystem: shop\nenviroments: {}\n");

        assertThat(failure(new PlanLoader(Map.of(), null), file).getMessage())
                .startsWith(file + ":4:1: unknown key 'enviroments'")
                .contains("\n    4 | enviroments: {}\n      | ^\n");
    }

    @Test
    void problemWithoutPathShowsFileLocationAndMessageOnly() {
        Path file = fixture("system-missing.yaml");

        assertThat(failure("system-missing.yaml").problems().get(0))
                .hasToString(file + ":1:1: missing required key 'system': the name of the system this plan describes");
    }

    @Test
    void keepsTheFirstTwentyProblemsAndSaysMoreWereFound() {
        PlanException e = failure("too-many-problems.yaml");

        assertThat(e.truncated()).isTrue();
        assertThat(e.problems()).hasSize(Problems.LIMIT);
        assertThat(e.problems().get(0).path()).isEqualTo("environments.production.hosts.web1.port");
        assertThat(e.problems().get(19).path()).isEqualTo("environments.production.hosts.web20.port");
        assertThat(e.getMessage())
                .endsWith("(more problems were found; only the first 20 are shown)\n20 problems in the plan");
    }

    @Test
    void doesNotSayMoreWereFoundWhenAllAreShown() {
        PlanException e = failure("promotion-cycle.yaml");

        assertThat(e.truncated()).isFalse();
        assertThat(e.getMessage()).doesNotContain("more problems were found");
    }
}
