package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.store.JournalEntry;
import dev.golive.testsupport.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drills against two real instances behind a real nginx, on loopback. */
class DrillCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static DrillFixture system;

    @TempDir
    Path out;

    @BeforeAll
    static void startSystem() throws IOException {
        system = DrillFixture.start(shared);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void bothInstancesRun() {
        CliRun started = system.golive("service", "retry", "web", "start");
        assertThat(started.code()).as(started.out() + started.err()).isZero();
    }

    @AfterEach
    void everyInstanceRunsAgain() throws IOException {
        try {
            for (String host : DrillFixture.HOSTS) {
                assertThat(DrillFixture.state(system.pid(host))).isNotEqualTo("T");
            }
            CliRun health = system.golive("service", "retry", "web", "health", "--deadline", "30s");
            assertThat(health.code()).as(health.out() + health.err()).isZero();
        } finally {
            system.heal();
        }
    }

    @Test
    void killedInstanceIsSurvivedWhenTheBalancerRetries() throws IOException {
        Path html = out.resolve("drill.html");
        Path junit = out.resolve("drill.xml");

        CliRun run = system.golive(
                "drill", "retry", "kill-one", "--json", "-o", html.toString(), "--junit", junit.toString());

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out()).get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("survived");
        assertThat(result.path("instances").get(0).asText()).isEqualTo("web/app1");
        assertThat(result.path("figures").path("errors").asLong()).isZero();
        assertThat(result.path("figures").path("requests").asLong()).isPositive();
        assertThat(result.path("figures").path("recoverySeconds").asDouble()).isZero();
        assertThat(result.path("faultDone").get(0).path("detail").asText()).startsWith("kill: killed PID");
        assertThat(result.path("restore").get(0).path("detail").asText()).startsWith("start: started PID");
        assertThat(verdict(result, "survivors healthy").path("met").asBoolean()).isTrue();
        assertThat(Files.readString(html)).contains("uPlot", "Drill kill-one — survived", "\"fault\":");
        assertThat(Files.readString(junit))
                .contains("<testcase classname=\"golive.drill.kill-one\" name=\"recovery\" time=\"0\"/>")
                .contains("failures=\"0\"");
        String runId = result.path("run").asText();
        assertThat(kinds(system.journal(runId)))
                .containsSubsequence(
                        "run.started",
                        "drill.restore-plan",
                        "drill.fault",
                        "drill.restored",
                        "drill.survived",
                        "run.ended");
        CliRun report =
                system.golive("report", runId, "-o", out.resolve("again.html").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(out.resolve("again.html"))).contains("Drill kill-one on retry", "✔ survived");
    }

    @Test
    void killedInstanceIsNotSurvivedWhenTheBalancerDoesNotRetry() throws IOException {
        CliRun run = system.golive("drill", "direct", "kill-one", "--json");

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.out()).get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("not-survived");
        assertThat(result.path("figures").path("errors").asLong()).isPositive();
        assertThat(result.path("figures").path("detectionSeconds").isNumber()).isTrue();
        assertThat(verdict(result, "error count during the fault").path("met").asBoolean())
                .isFalse();
        assertThat(run.err())
                .contains("not survived on direct: kill-one", "error count during the fault: expected at most 0");
        assertThat(system.run(result.path("run").asText()).outcome()).isEqualTo("not-survived");
    }

    @Test
    void hungInstanceShowsTimeoutErrorsUntilItIsContinued() throws IOException {
        CliRun run = system.golive("drill", "direct", "hang-one", "--json");

        JsonNode result = JSON.readTree(run.out()).get(0);
        JsonNode figures = result.path("figures");
        assertThat(figures.path("errors").asLong()).as(run.err()).isPositive();
        assertThat(figures.path("detectionSeconds").isNumber()).isTrue();
        assertThat(figures.path("recoverySeconds").isNumber())
                .as(result.toString())
                .isTrue();
        assertThat(result.path("faultDone").get(0).path("detail").asText()).startsWith("hang: stopped PID");
        assertThat(result.path("restore").get(0).path("detail").asText()).startsWith("continued [");
        assertThat(run.code()).isEqualTo(result.path("survived").asBoolean() ? 0 : 1);
    }

    @Test
    void refusesADrillBeyondSurvivableUnlessGivenAReason() {
        CliRun refused = system.golive("drill", "retry", "both-down");
        CliRun noReason = system.golive("drill", "retry", "both-down", "--beyond-survivable");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err())
                .contains("drill both-down would take down 2 of 2 instances of web, which survives 1 (survivable: 1)")
                .contains("--beyond-survivable --reason");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(noReason.err()).contains("--beyond-survivable needs --reason");
        assertThat(kinds(system.journal(null))).doesNotContain("drill.beyond-survivable");

        CliRun anyway = system.golive(
                "drill", "retry", "both-down", "--beyond-survivable", "--reason", "prove the outage page", "--json");

        assertThat(anyway.code()).as(anyway.err()).isEqualTo(1);
        JsonNode result = readQuietly(anyway.out());
        JournalEntry beyond = system.journal(result.path("run").asText()).stream()
                .filter(e -> e.kind().equals("drill.beyond-survivable"))
                .findFirst()
                .orElseThrow();
        assertThat(beyond.actor()).isEqualTo("tester");
        assertThat(beyond.data()).contains("prove the outage page");
        assertThat(result.path("figures").path("errors").asLong()).isPositive();
    }

    @Test
    void refusesToBlockWhereTheHostCannotDropTraffic() {
        CliRun run = system.golive("drill", "retry", "cut-one");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("cannot block web/app1 on app1: ");
        assertThat(run.err()).containsAnyOf("neither iptables nor nft is installed", "may not be used by");
    }

    @Test
    void drillRestoreFinishesTheRestoreAfterGoliveIsKilledMidDrill() throws IOException {
        long pid = system.pid("app1");
        try (ChildJvm golive = ChildJvm.start(
                Main.class, "drill", "--plan=" + system.plan, "retry", "hang-long", "--as", "night-shift")) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> golive.lines().stream().anyMatch(l -> l.contains("hang: stopped PID")));
            golive.kill();
        }
        assertThat(DrillFixture.state(pid)).isEqualTo("T");

        CliRun restore = system.golive("drill", "restore", "retry");
        CliRun again = system.golive("drill", "restore", "retry");

        assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("restore: drill hang-long of run ", "web/app1: continued [" + pid + "]");
        assertThat(DrillFixture.state(pid)).isNotEqualTo("T");
        assertThat(again.out()).contains("Nothing to restore in retry");
        String runId = system.journal(null).stream()
                .filter(e -> e.kind().equals("drill.restore-plan"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .runId();
        assertThat(system.run(runId).outcome()).isEqualTo("interrupted");
        assertThat(kinds(system.journal(runId)))
                .containsSubsequence("drill.restore-plan", "drill.fault", "drill.restored", "run.ended");
    }

    @Test
    void ctrlCRestoresBeforeGoliveExits() throws IOException {
        try (ChildJvm golive = ChildJvm.start(Main.class, "drill", "--plan=" + system.plan, "retry", "kill-long")) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> golive.lines().stream().anyMatch(l -> l.contains("kill: killed PID")));
            golive.terminate();
            assertThat(golive.lines()).anyMatch(l -> l.contains("web/app2: start: started PID"));
        }
        CliRun status = system.golive("service", "retry", "web/app2", "status");
        assertThat(status.code()).as(status.out()).isZero();
        assertThat(system.golive("drill", "restore", "retry").out()).contains("Nothing to restore");
    }

    private static JsonNode verdict(JsonNode result, String check) {
        for (JsonNode v : result.path("verdicts")) {
            if (v.path("check").asText().equals(check)) {
                return v;
            }
        }
        throw new AssertionError("no verdict '" + check + "' in " + result.path("verdicts"));
    }

    private static JsonNode readQuietly(String json) {
        try {
            return JSON.readTree(json).get(0);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static List<String> kinds(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::kind).toList();
    }
}
