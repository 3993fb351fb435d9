package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.diag.Jcmd;
import dev.golive.testsupport.ChildJvm;
import dev.golive.testsupport.RudeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The load engine against a server that misbehaves: errors counted by kind, abort rules, a
 * generator that cannot keep up, and the per-second figures stored for the report.
 */
class LoadEngineTest {
    private static final Map<String, String> ENV = Map.of("GOLIVE_USER", "tester");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RudeServer rude;

    @TempDir
    Path dir;

    private String plan;

    @BeforeAll
    static void start() throws IOException {
        rude = RudeServer.start();
    }

    @AfterAll
    static void stop() {
        rude.close();
    }

    @BeforeEach
    void writePlan() throws IOException {
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                system: shop
                environments:
                  staging: { entry: "%s" }
                scenarios:
                  good:
                    steps:
                      - transaction: fetch
                        steps:
                          - { get: /ok, name: ok }
                  reset:
                    steps:
                      - transaction: fetch
                        steps:
                          - { get: /reset, name: reset }
                  malformed:
                    steps:
                      - transaction: fetch
                        steps:
                          - { get: /malformed, name: malformed }
                  missing:
                    steps:
                      - transaction: fetch
                        steps:
                          - { get: /missing, name: missing }
                  hang:
                    steps:
                      - { get: /hang, name: hang }
                  thinker:
                    steps:
                      - { get: /ok, name: ok }
                      - { think: 1m }
                      - { get: /ok, name: ok }
                loadtests:
                  thinkers:
                    scenario: thinker
                    users: 30
                    duration: 10m
                  mixed:
                    mix: { good: 50%%, reset: 25%%, malformed: 25%% }
                    arrivals: [ { hold: 40/s, for: 2s } ]
                    targets: { errors: 1%% }
                  steady:
                    scenario: good
                    arrivals: [ { ramp: 10/s..30/s, over: 2s }, { hold: 30/s, for: 1s } ]
                    targets: { p99: 5s, errors: 0%%, achieved: 90%% }
                  broken:
                    scenario: missing
                    arrivals: [ { hold: 20/s, for: 30s } ]
                    abort:
                      - { errors: 50%%, for: 2s }
                  long:
                    scenario: good
                    arrivals: [ { hold: 20/s, for: 10m } ]
                  stalled:
                    scenario: hang
                    arrivals: [ { hold: 50/s, for: 3s } ]
                    maxUsers: 20
                """.formatted(rude.url()))
                .toString();
    }

    @Test
    void everyFailureIsCountedByItsKindAndTheTargetJudgesThemAll() {
        CliRun run = CliRun.of(ENV, "load", "staging", "mixed", "--json", "-f", plan);

        JsonNode json = read(run.out());
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        long reset = json.path("errors").path("reset").asLong();
        long malformed = json.path("errors").path("malformed").asLong();
        assertThat(reset).isPositive();
        assertThat(malformed).isPositive();
        assertThat(json.path("overall").path("errors").asLong()).isEqualTo(reset + malformed);
        assertThat(json.path("overall").path("passed").asLong()).isPositive();
        assertThat(run.err()).contains("overall errors missed");
    }

    @Test
    void anAbortRuleStopsTheTestEarlyAndSaysWhy() {
        CliRun run = CliRun.of(ENV, "load", "staging", "broken", "-f", plan);
        CliRun journal = CliRun.of(ENV, "journal", "-f", plan);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("STOPPED  abort rule: errors over the last 2 s was 100.0%, the limit is 50%")
                .contains("stopped early");
        Matcher elapsed = Pattern.compile("load broken \\(run .+\\), (\\d+) s").matcher(run.out());
        assertThat(elapsed.find()).isTrue();
        assertThat(Integer.parseInt(elapsed.group(1))).isLessThan(30);
        assertThat(journal.out()).contains("load.aborted");
    }

    @Test
    void aServerThatStopsAnsweringIsBoundedByMaxUsersAndMakesTheRunInvalid() {
        CliRun run = CliRun.of(ENV, "load", "staging", "stalled", "--timeout", "1", "--json", "-f", plan);

        JsonNode json = read(run.out());
        assertThat(run.code()).isEqualTo(1);
        assertThat(json.path("errors").path("timeout").asLong()).isPositive();
        JsonNode health = json.path("health");
        assertThat(health.path("dropped").asLong()).isPositive();
        assertThat(health.path("invalid").toString()).contains("arrivals were dropped: 20 users were already running");
        assertThat(json.path("passed").asBoolean()).isFalse();
        Matcher users = Pattern.compile("  users (\\d+)").matcher(run.err());
        int lines = 0;
        while (users.find()) {
            lines++;
            assertThat(Integer.parseInt(users.group(1))).isBetween(0, 20);
        }
        assertThat(lines).isPositive();
    }

    @Test
    void theReportIsBuiltFromTheStoredSecondsAsHtmlJsonAndJunit() throws Exception {
        CliRun load = CliRun.of(ENV, "load", "staging", "steady", "--json", "-f", plan);
        String runId = read(load.out()).path("run").asText();
        Path html = dir.resolve("report.html");
        Path junit = dir.resolve("junit.xml");

        CliRun report = CliRun.of(ENV, "report", runId, "-o", html.toString(), "--junit", junit.toString(), "-f", plan);
        CliRun json = CliRun.of(ENV, "report", runId, "--json", "-f", plan);
        CliRun part = CliRun.of(ENV, "report", runId, "--json", "--from", "1", "--to", "2", "-f", plan);

        assertThat(load.code()).as(load.err()).isZero();
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode whole = read(json.out());
        long stored = whole.path("overall").path("passed").asLong();
        assertThat(stored)
                .isEqualTo(read(load.out()).path("overall").path("passed").asLong());
        assertThat(whole.path("seconds").size()).isBetween(3, 5);
        long perSecond = 0;
        for (JsonNode s : whole.path("seconds")) {
            perSecond += s.path("tps").asLong();
        }
        assertThat(perSecond).isEqualTo(stored);
        assertThat(whole.path("checks").toString()).contains("overall achieved", "generator kept up");
        JsonNode second = read(part.out());
        assertThat(second.path("seconds").size()).isEqualTo(1);
        assertThat(second.path("overall").path("passed").asLong())
                .isEqualTo(whole.path("seconds").get(1).path("tps").asLong());

        String page = Files.readString(html);
        assertThat(page)
                .contains("<h2>Targets</h2>", "overall p99", "uPlot", "Response time by percentile", "fetch")
                .doesNotContain("<script src", "<link ");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(5);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("5");
    }

    @Test
    void aTestStoppedByCtrlCKeepsWhatItMeasuredAndEndsItsRun() throws Exception {
        try (ChildJvm golive = ChildJvm.start(Main.class, "load", "staging", "long", "--as", "tester", "-f", plan)) {
            while (golive.lines().stream().noneMatch(l -> l.contains("    3s/600s"))) {
                assertThat(golive.isAlive()).as(golive.errors()).isTrue();
                Thread.sleep(100);
            }

            int code = golive.terminate();

            assertThat(String.join("\n", golive.lines()))
                    .as("exit " + code + ": " + golive.errors())
                    .contains("STOPPED  interrupted by the operator", "stopped early");
            assertThat(code).isNotZero();
        }
        CliRun journal = CliRun.of(ENV, "journal", "-f", plan);
        CliRun report = CliRun.of(ENV, "report", runOf(journal.out()), "--json", "-f", plan);
        assertThat(journal.out()).contains("load.interrupted", "run.ended");
        JsonNode json = read(report.out());
        assertThat(json.path("outcome").asText()).isEqualTo("interrupted");
        assertThat(json.path("seconds").size()).isGreaterThanOrEqualTo(3);
        assertThat(json.path("overall").path("passed").asLong()).isGreaterThan(40);
    }

    @Test
    void usersInAThinkTimeHoldNoThread() throws Exception {
        try (ChildJvm golive =
                ChildJvm.start(Main.class, "load", "staging", "thinkers", "--as", "tester", "-f", plan)) {
            while (golive.lines().stream().noneMatch(l -> l.contains("    2s/600s"))) {
                assertThat(golive.isAlive()).as(golive.errors()).isTrue();
                Thread.sleep(100);
            }

            String threads = Files.readString(Jcmd.jsonDump(golive, dir.resolve("threads.json")));

            assertThat(golive.lines()).anyMatch(l -> l.contains("    2s/600s") && l.endsWith("users 30"));
            assertThat(threads).contains("dev.golive.load.ClosedWorkload.run");
            assertThat(threads).doesNotContain("dev.golive.scenario.");
            golive.terminate();
        }
    }

    private static String runOf(String journal) {
        Matcher run = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d-\\d{3})").matcher(journal);
        assertThat(run.find()).as(journal).isTrue();
        return run.group(1);
    }

    @Test
    void aReportOfAnUnknownRunSaysSo() {
        CliRun report = CliRun.of(ENV, "report", "2020-01-01-001", "-f", plan);

        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("no run '2020-01-01-001' in the store");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
