package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive runbook go} with answers piped in, as an operator at a terminal would type them. */
class RunbookGoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String plan;
    private Path marker;
    private Map<String, String> env;

    @BeforeEach
    void writePlan() throws IOException {
        Path file = dir.resolve("golive.yaml");
        try (InputStream in = getClass().getResourceAsStream("/runbooks/cli-open-day.yaml")) {
            Files.copy(in, file);
        }
        plan = file.toString();
        marker = dir.resolve("deployed.txt");
        env = Map.of("MARKER", marker.toString());
    }

    @Test
    void goConfirmsManualStepsRunsChangingStepsOnceTheNameIsTypedAndStopsAtTheGate() throws IOException {
        start("live");

        CliRun go = go("y\nlive\nl\n", "alice");

        assertThat(go.code()).as(go.err()).isZero();
        assertThat(go.out())
                .contains("Manual step freeze (owner pm): Announce the code freeze\n  Post it in the project channel\n")
                .contains("Done? [y]es, [f]ailed, [l]ater: ")
                .contains("Step deploy changes live: echo deployed > " + marker
                        + "\nType the environment's name to go on: ")
                .contains("Running command step deploy\n")
                .contains("Step deploy: done\n")
                .contains("Gate go: Open to the public? (waiting for pm, architect)\n")
                .contains("Your decision as alice: [y]es, [n]o, [l]ater: ")
                .endsWith("Nothing more can be done here now. gate go waits for pm, architect.\n");
        assertThat(marker).hasContent("deployed");
        assertThat(statuses())
                .containsExactly("freeze done", "deploy done", "go ready", "announce waiting", "back waiting");
    }

    @Test
    void wrongEnvironmentNameRunsNothing() throws IOException {
        start("live");

        CliRun go = go("y\nstaging\n", "alice");

        assertThat(go.out()).contains("Not confirmed: step deploy was not run.");
        assertThat(go.out()).doesNotContain("Running command step deploy");
        assertThat(marker).doesNotExist();
        assertThat(statuses()).startsWith("freeze done", "deploy ready");
    }

    @Test
    void confirmEnvGivesTheNameUpFront() {
        start("live");

        CliRun go = go("y\nl\n", "alice", "--confirm-env", "live");

        assertThat(go.out()).doesNotContain("Type the environment's name");
        assertThat(marker).hasContent("deployed");
    }

    @Test
    void unprotectedEnvironmentIsNotAskedFor() {
        start("staging");

        CliRun go = go("y\nl\n", "alice");

        assertThat(go.out()).doesNotContain("Type the environment's name").contains("Step deploy: done");
        assertThat(marker).hasContent("deployed");
    }

    @Test
    void dryRunRehearsalWalksWithoutTypingTheNameOrChangingAnything() {
        CliRun start =
                golive("runbook", "start", "open-day", "--env", "live", "--rehearsal", "--dry-run", "--as", "alice");

        CliRun go = go("y\nl\n", "alice");
        CliRun status = golive("runbook", "status");

        assertThat(start.out()).contains(": runbook open-day in live (rehearsal, dry run), started by alice at ");
        assertThat(go.out()).doesNotContain("Type the environment's name").contains("Step deploy: done");
        assertThat(marker).doesNotExist();
        assertThat(status.out()).contains("go (gate, waiting for pm, architect)");
    }

    @Test
    void plannedFromAnUnknownRunIsRefused() {
        CliRun start =
                golive("runbook", "start", "open-day", "--env", "staging", "--planned-from", "R-nope", "--as", "alice");

        assertThat(start.code()).isEqualTo(2);
        assertThat(start.err()).isEqualTo("no run with id 'R-nope'\n");
    }

    @Test
    void twoPeoplePassTheGateAndTheWalkEndsTheRun() {
        start("live");
        go("y\nlive\ny\n", "alice");

        CliRun bob = go("y\n", "bob");
        CliRun alice = go("y\n", "alice");

        assertThat(bob.out()).contains("Gate go: Open to the public? (waiting for architect)");
        assertThat(bob.out()).contains("Manual step announce (owner pm): Send the announcement");
        assertThat(alice.code()).isZero();
        assertThat(alice.out()).containsPattern("Run \\S+ has ended: done\\.\n$");
    }

    @Test
    void failedAnswerAsksWhyAndExitsOne() throws IOException {
        start("live");

        CliRun go = go("f\nthe channel is down\n", "alice");

        assertThat(go.code()).isEqualTo(1);
        assertThat(go.out()).contains("Why did it fail? ").contains("Step freeze failed: the channel is down");
        assertThat(go.err()).matches("run \\S+ did not go through\n");
    }

    @Test
    void failingCommandStopsTheWalkWithExitOneAndSaysWhatToDo() throws IOException {
        start("staging", "broken");

        CliRun go = go("", "alice");

        assertThat(go.code()).isEqualTo(1);
        assertThat(go.out())
                .contains("Running command step fails")
                .contains("  here | disk full")
                .contains("Step fails failed: ")
                .contains("Decide: golive runbook resolve fails --as rerun|done --reason ...");
        assertThat(go.err()).matches("run \\S+ did not go through\n");
        assertThat(statuses()).containsExactly("fails failed", "after-it waiting");
    }

    @Test
    void goOnAnEndedRunSaysSo() {
        start("staging");
        golive("runbook", "abort", "--as", "alice", "--reason", "postponed");

        CliRun go = go("", "alice");

        assertThat(go.code()).as("an aborted run did not go through").isEqualTo(1);
        assertThat(go.out()).matches("Run \\S+ has ended: aborted\\.\n");
    }

    private void start(String environment) {
        start(environment, "open-day");
    }

    private void start(String environment, String runbook) {
        CliRun start = golive("runbook", "start", runbook, "--env", environment, "--as", "alice");
        assertThat(start.code()).as(start.err()).isZero();
    }

    private List<String> statuses() throws IOException {
        CliRun status = golive("runbook", "status", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        List<String> out = new ArrayList<>();
        for (JsonNode step : JSON.readTree(status.out()).get("steps")) {
            out.add(step.get("id").asText() + " " + step.get("status").asText());
        }
        return out;
    }

    private CliRun go(String input, String actor, String... options) {
        List<String> all = new ArrayList<>(List.of("runbook", "go", "--as", actor, "-f", plan));
        all.addAll(List.of(options));
        return CliRun.withInput(input, env, all.toArray(String[]::new));
    }

    private CliRun golive(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-f");
        all.add(plan);
        return CliRun.withInput("", env, all.toArray(String[]::new));
    }
}
