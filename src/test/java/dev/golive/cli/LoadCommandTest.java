package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.ShopApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
    private static final Map<String, String> ENV = Map.of("GOLIVE_USER", "tester");
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
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now();
        String window = now.plusHours(2).format(hhmm) + "-" + now.plusHours(3).format(hhmm);
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                system: shop
                environments:
                  staging: { entry: "%s" }
                scenarios:
                  browse:
                    steps:
                      - transaction: search
                        steps:
                          - { get: "/shop/search?q=hat", expect: { json: { "$.items[0].id": sku-hat-1 } } }
                      - { think: 20ms }
                  slow:
                    steps:
                      - transaction: wait
                        steps:
                          - { get: /slow }
                  paced:
                    pacing: 250ms
                    steps:
                      - transaction: search
                        steps:
                          - { get: "/shop/search?q=hat" }
                  thinking:
                    steps:
                      - { get: "/shop/search?q=hat" }
                      - { think: 250ms }
                  dawdling:
                    steps:
                      - { get: "/shop/search?q=hat" }
                      - { think: 1m }
                      - { get: "/shop/search?q=cap" }
                loadtests:
                  thinking:
                    scenario: thinking
                    users: 2
                    duration: 2s
                  dawdling:
                    scenario: dawdling
                    users: 2
                    duration: 1s
                  paced:
                    scenario: paced
                    users: 2
                    duration: 2s
                  steady:
                    scenario: browse
                    users: [ { ramp: 1..3, over: 1s }, { hold: 3, for: 1s } ]
                    targets: { errors: 0%%, tps: 1 }
                    transactions:
                      search: { p99: 5s }
                  strict:
                    scenario: slow
                    users: 2
                    duration: 2s
                    targets: { p95: 100ms }
                  open:
                    scenario: browse
                    arrivals: [ { hold: 20/s, for: 2s } ]
                    targets: { tps: 10, errors: 0%% }
                  night:
                    scenario: browse
                    users: 1
                    duration: 1s
                    window: "%s"
                """.formatted(shop.url(), window))
                .toString();
    }

    @Test
    void aClosedLoadTestMeetingItsTargetsIsRecordedAsARun() {
        CliRun run = CliRun.of(ENV, "load", "staging", "steady", "-f", plan);
        CliRun journal = CliRun.of(ENV, "journal", "-f", plan);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "    1s/2s  wanted \\d\\.0 users  tps [\\d.]+  p95 [\\d.]+ ms  errors 0.00% \\(0\\)  users \\d\n")
                .containsPattern("\nsearch +\\d+ +0 +[\\d.]+ +[\\d.]+ ms")
                .containsPattern("\noverall +\\d+ +0 ")
                .containsPattern("\nGET /shop/search\\?q=hat +\\d+ +0 ")
                .contains("  met     overall errors: expected <= 0.00%, got 0.00%")
                .contains("  met     search p99: expected <= 5000 ms, got ")
                .containsPattern("generator: \\d+ iterations started, 0 late, 0 dropped, CPU at most \\d+%\n")
                .containsPattern("all targets met\nreport: golive report 20\\d\\d-\\d\\d-\\d\\d-001\n$");
        assertThat(journal.out())
                .contains("load.target.met", "load.passed")
                .containsPattern("load.passed +tester +steady on staging");
    }

    @Test
    void aMissedTargetExitsOneAndSaysWhichAndByHowMuch() {
        CliRun run = CliRun.of(ENV, "load", "staging", "strict", "-f", plan);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("  MISSED  overall p95: expected <= 100 ms, got [3-9]\\d\\d\\.\\d ms\n");
        assertThat(run.err()).matches("load strict on staging \\(run .+\\): overall p95 missed\n");
    }

    @Test
    void jsonGivesTheFiguresInMilliseconds() throws IOException {
        CliRun run = CliRun.of(ENV, "load", "staging", "steady", "--json", "-f", plan);

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.code()).isZero();
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("transactions").get(0).path("name").asText()).isEqualTo("search");
        assertThat(json.path("transactions").get(0).path("passed").asLong()).isPositive();
        assertThat(json.path("overall").path("p95Ms").asDouble()).isPositive();
        assertThat(run.err()).contains("users ");
    }

    @Test
    void pacingStartsAUsersIterationsNoFasterThanItsInterval() {
        CliRun run = CliRun.of(ENV, "load", "staging", "paced", "-f", plan);

        // Two users, an iteration every 250 ms for 2 s: 8 or 9 each (one may start at the last
        // moment), where back to back they would run hundreds.
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern("\nsearch +1[2-8] +0 ")
                .containsPattern("generator: 1[2-8] iterations started, ");
    }

    @Test
    void usersWaitOutTheirThinkTimes() {
        CliRun run = CliRun.of(ENV, "load", "staging", "thinking", "-f", plan);

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("generator: 1[2-8] iterations started, ");
    }

    @Test
    void anIterationInAThinkTimeWhenTheTestEndsStopsThere() {
        CliRun run = CliRun.of(ENV, "load", "staging", "dawdling", "-f", plan);

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern("\nGET /shop/search\\?q=hat +2 +0 ")
                .doesNotContain("q=cap");
    }

    @Test
    void anOpenModelTestStartsArrivalsAtTheRateOfItsPhases() {
        CliRun run = CliRun.of(ENV, "load", "staging", "open", "-f", plan);

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "    1s/2s  rate 20.0/s  tps [\\d.]+  p95 [\\d.]+ ms  errors 0.00% \\(0\\)  users \\d+\n")
                .containsPattern("\nsearch +[34]\\d +0 ")
                .contains("  met     overall tps: expected >= 10.0/s, got ");
    }

    @Test
    void outsideItsWindowATestRunsOnlyWithNowAndAReasonWhichIsJournaled() {
        CliRun refused = CliRun.of(ENV, "load", "staging", "night", "-f", plan);
        CliRun noReason = CliRun.of(ENV, "load", "staging", "night", "--now", "-f", plan);
        CliRun forced = CliRun.of(ENV, "load", "staging", "night", "--now", "--reason", "rehearsal", "-f", plan);
        CliRun journal = CliRun.of(ENV, "journal", "--json", "-f", plan);

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err())
                .containsPattern("load test 'night' may run only in its window \\d\\d:\\d\\d-\\d\\d:\\d\\d");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(journal.out()).contains("load.window-override", "\"reason\" : \"rehearsal\"");
    }
}
