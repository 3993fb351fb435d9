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
        system.balancersUseEveryInstance();
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

        assertThat(run.code()).as(run.err() + system.retryingLog()).isZero();
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
        Path html = out.resolve("direct.html");
        CliRun run = system.golive("drill", "direct", "kill-one", "--json", "-o", html.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.out()).get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("not-survived");
        assertThat(result.path("figures").path("errors").asLong()).isPositive();
        assertThat(result.path("figures").path("detectionSeconds").isNumber()).isTrue();
        assertThat(verdict(result, "error count during the fault").path("met").asBoolean())
                .isFalse();
        assertThat(run.err())
                .contains("not survived on direct: kill-one", "error count during the fault: expected at most 0")
                // by kind: the balancer answered 502 to the requests it sent to the killed instance
                .containsPattern("error count during the fault: expected at most 0, got (\\d+) \\(status \\1\\)");
        long errors = result.path("figures").path("errors").asLong();
        assertThat(result.path("figures").path("errorKinds").path("status").asLong())
                .isEqualTo(errors);
        // the report's matrix gives them by kind too
        assertThat(Files.readString(html))
                .contains("(" + errors + " of "
                        + result.path("figures").path("requests").asLong() + ": status " + errors + ")");
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
    void refusesToBlockWhereTheHostCannotDropTraffic() throws IOException, InterruptedException {
        boolean canBlock = hostCanDropTraffic();

        CliRun run = system.golive("drill", "retry", "cut-one");

        if (canBlock) {
            // Where the host can drop traffic, nothing is refused: the drill blocks and restores for real.
            assertThat(run.err()).as(run.out() + run.err()).doesNotContain("cannot block");
            assertThat(run.code()).as(run.out() + run.err()).isIn(0, 1);
            return;
        }
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

    @Test
    void gracefulStopIsSurvivedWhenTheBalancerRetriesAndTheInstanceRunsAgain() throws IOException {
        long before = system.pid("app1");

        CliRun run = system.golive("drill", "retry", "stop-one", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out()).get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("survived");
        assertThat(result.path("instances").get(0).asText()).isEqualTo("web/app1");
        assertThat(result.path("figures").path("errors").asLong()).isZero();
        assertThat(result.path("faultDone").get(0).path("detail").asText()).isEqualTo("stop: stopped PID " + before);
        assertThat(result.path("restore").get(0).path("detail").asText()).startsWith("start: started PID");
        assertRunsAgain("web/app1", "app1", before);
    }

    @Test
    void restartIsSurvivedWhenTheBalancerRetriesAndTheInstanceRunsAgain() throws IOException {
        long before = system.pid("app2");

        CliRun run = system.golive("drill", "retry", "restart-one", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out()).get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("survived");
        assertThat(result.path("instances").get(0).asText()).isEqualTo("web/app2");
        assertThat(result.path("figures").path("errors").asLong()).isZero();
        assertThat(result.path("faultDone").get(0).path("detail").asText())
                .startsWith("restart: stopped PID " + before + "; started PID")
                .endsWith("/health answered 200");
        assertThat(verdict(result, "restored").path("met").asBoolean()).isTrue();
        assertRunsAgain("web/app2", "app2", before);
    }

    @Test
    void hostFaultTakesEveryInstanceOnTheHost() throws IOException {
        CliRun side = system.golive("service", "retry", "side", "start");
        assertThat(side.code()).as(side.out() + side.err()).isZero();
        try {
            CliRun run = system.golive("drill", "retry", "host-down", "--json");

            assertThat(run.code()).as(run.err()).isZero();
            JsonNode result = JSON.readTree(run.out()).get(0);
            assertThat(result.path("outcome").asText()).isEqualTo("survived");
            assertThat(texts(result.path("instances"))).containsExactlyInAnyOrder("web/app1", "side/app1");
            assertThat(texts(result.path("faultDone"), "instance")).containsExactlyInAnyOrder("web/app1", "side/app1");
            assertThat(texts(result.path("faultDone"), "detail")).allMatch(d -> d.startsWith("stop: stopped PID "));
            assertThat(texts(result.path("survivors"), "instance")).containsExactlyInAnyOrder("web/app2", "side/app2");
            assertThat(texts(result.path("restore"), "detail")).allMatch(d -> d.startsWith("start: started PID"));
            for (String instance : List.of("web/app1", "side/app1")) {
                CliRun status = system.golive("service", "retry", instance, "status");
                assertThat(status.code()).as(instance + ": " + status.out()).isZero();
            }
        } finally {
            system.golive("service", "retry", "side", "stop");
        }
    }

    @Test
    void p95AboveItsLimitDuringAHangIsNotSurvivedEvenWithoutErrors() throws IOException {
        CliRun run = system.golive("drill", "patient", "hang-slow", "--json");

        assertThat(run.code()).as(run.err() + run.out()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.out()).get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("not-survived");
        JsonNode p95 = verdict(result, "p95 during the fault");
        assertThat(p95.path("met").asBoolean())
                .as(result.path("figures").toString())
                .isFalse();
        assertThat(p95.path("expected").asText()).isEqualTo("at most 500 ms");
        assertThat(result.path("figures").path("p95Ms").asDouble()).isGreaterThan(500);
        assertThat(verdict(result, "errors during the fault").path("met").asBoolean())
                .isTrue();
        assertThat(run.err()).contains("p95 during the fault: expected at most 500 ms, got ");
    }

    @Test
    void p95WithinItsLimitDuringAHangIsMet() throws IOException {
        CliRun run = system.golive("drill", "patient", "hang-slow-allowed", "--json");

        JsonNode result = JSON.readTree(run.out()).get(0);
        JsonNode p95 = verdict(result, "p95 during the fault");
        assertThat(p95.path("met").asBoolean())
                .as(result.path("figures").toString())
                .isTrue();
        assertThat(p95.path("expected").asText()).isEqualTo("at most 3000 ms");
        assertThat(result.path("figures").path("p95Ms").asDouble()).isPositive();
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(result.path("outcome").asText()).isEqualTo("survived");
    }

    @Test
    void allRunsTheSurvivabilityMatrixAndExitsOneWhenADrillIsNotSurvived() throws IOException {
        Path junit = out.resolve("matrix.xml");

        CliRun run = system.golive(system.matrix, "drill", "retry", "--all", "--junit", junit.toString());

        String why = run.out() + run.err() + system.retryingLog();
        assertThat(run.code()).as(why).isEqualTo(1);
        List<String> rows = run.out()
                .lines()
                .filter(l -> l.matches("^(survived|NOT SURVIVED|INTERRUPTED) .*"))
                .toList();
        assertThat(rows).as(why).hasSize(3);
        assertThat(rows.get(0)).as(why).startsWith("survived").contains("kill-one", "kill", "web/app1", "0.00% (0/");
        assertThat(rows.get(1)).as(why).startsWith("survived").contains("restart-one", "restart", "web/app2");
        assertThat(rows.get(2)).startsWith("NOT SURVIVED").contains("hang-slow", "hang", "web/app2", " ms");
        assertThat(run.out()).contains("hang-slow: p95 during the fault: expected at most 500 ms, got ");
        assertThat(run.err()).contains("not survived on retry: hang-slow (run ");
        String xml = Files.readString(junit);
        assertThat(xml)
                .contains("<testcase classname=\"golive.drill.kill-one\" name=\"error count during the fault\"")
                .contains("<testcase classname=\"golive.drill.restart-one\" name=\"recovery\"")
                .contains("<testcase classname=\"golive.drill.hang-slow\" name=\"p95 during the fault\"");
        // seven verdicts each for kill-one and restart-one; hang-slow has no error count and no recovery
        assertThat(xml.split("<testcase ", -1)).hasSize(1 + 7 + 7 + 6);
        assertThat(xml).contains("tests=\"20\" failures=\"1\"");
        assertThat(xml.split("<failure", -1)).hasSize(2);
        for (String instance : List.of("web/app1", "web/app2")) {
            CliRun status = system.golive("service", "retry", instance, "status");
            assertThat(status.code()).as(instance + ": " + status.out()).isZero();
        }
    }

    @Test
    void allPrintsEveryDrillOfTheMatrixAsJson() throws IOException {
        CliRun run = system.golive(system.matrix, "drill", "retry", "--all", "--json");

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        JsonNode results = JSON.readTree(run.out());
        assertThat(texts(results, "drill")).containsExactly("kill-one", "restart-one", "hang-slow");
        assertThat(texts(results, "outcome")).containsExactly("survived", "survived", "not-survived");
        for (JsonNode r : results) {
            assertThat(r.path("figures").path("requests").asLong()).isPositive();
            assertThat(verdict(r, "restored").path("met").asBoolean()).isTrue();
        }
        assertThat(results.get(2).path("figures").path("p95Ms").asDouble()).isGreaterThan(500);
        assertThat(texts(results, "run")).doesNotHaveDuplicates();
    }

    @Test
    void aSecondDrillAndDrillRestoreAreRefusedWhileADrillRunsInTheEnvironment() throws IOException {
        try (ChildJvm golive = ChildJvm.start(Main.class, "drill", "--plan=" + system.plan, "retry", "kill-long")) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> golive.lines().stream().anyMatch(l -> l.contains("kill: killed PID")));

            String startedBefore =
                    system.golive("journal", "--kind", "drill.started").out();
            CliRun second = system.golive("drill", "retry", "kill-one");

            assertThat(second.code()).as(second.out() + second.err()).isEqualTo(2);
            assertThat(second.err())
                    .startsWith("drill kill-long is running (run ")
                    .contains(", PID " + golive.pid() + " on ")
                    .contains("one drill at a time");
            assertThat(system.golive("service", "retry", "web/app1", "status").code())
                    .as("the refused drill took nothing down")
                    .isZero();
            assertThat(system.golive("journal", "--kind", "drill.started").out())
                    .as("the refused drill started no run")
                    .isEqualTo(startedBefore);

            CliRun refused = system.golive("drill", "restore", "retry");

            assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(2);
            assertThat(refused.err())
                    .startsWith("drill kill-long is running (run ")
                    .contains(", PID " + golive.pid() + " on ")
                    .contains("stop it first");
            assertThat(system.golive("service", "retry", "web/app2", "status").code())
                    .as("the refused restore started nothing")
                    .isNotZero();
            golive.terminate();
        }
        assertThat(system.golive("drill", "restore", "retry").out()).contains("Nothing to restore");
    }

    private static void assertRunsAgain(String instance, String host, long before) throws IOException {
        CliRun status = system.golive("service", "retry", instance, "status");
        assertThat(status.code()).as(status.out() + status.err()).isZero();
        assertThat(system.pid(host)).as("a new process").isNotEqualTo(before);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** Whether iptables or nft is installed and may be used here, as the block fault checks. */
    private static boolean hostCanDropTraffic() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(
                        "sh",
                        "-c",
                        "if command -v iptables; then iptables -S INPUT;"
                                + " elif command -v nft; then nft list tables; else exit 1; fi")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return probe.waitFor() == 0;
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
