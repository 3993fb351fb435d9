package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.scenario.UserThreads;
import dev.golive.testsupport.ChildJvm;
import dev.golive.testsupport.RudeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed load test's users send their requests without a thread waiting for the responses
 * where they can, and on a thread where they cannot: redirects on the same and to another
 * origin, a connection the server closes, checks that pass and fail, and a stop by the operator
 * while every user waits for an answer that never comes.
 */
class UnwaitedRequestsTest {
    private static final Map<String, String> ENV = Map.of("GOLIVE_USER", "tester");
    private static RudeServer here;
    private static RudeServer there;

    @TempDir
    Path dir;

    private String plan;

    @BeforeAll
    static void start() throws IOException {
        here = RudeServer.start();
        there = RudeServer.start();
    }

    @AfterAll
    static void stop() {
        here.close();
        there.close();
    }

    @BeforeEach
    void writePlan() throws IOException {
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                system: shop
                environments:
                  staging: { entry: "%s" }
                scenarios:
                  hops:
                    steps:
                      - { get: /ok, name: first }
                      - { get: "/redirect?to=/ok", name: here }
                      - { get: "/redirect?to=%s/ok", name: there }
                      - { get: /bye, name: bye }
                      - { get: /ok, name: checked, expect: { contains: ok } }
                      - { get: /ok, name: wrong, expect: { contains: nope } }
                      - { get: /ok, name: never }
                  waiting:
                    steps:
                      - { get: /ok, name: first }
                      - { get: /hang, name: hang }
                loadtests:
                  hops:
                    scenario: hops
                    users: 3
                    duration: 2s
                  waiting:
                    scenario: waiting
                    users: 5
                    duration: 10m
                """.formatted(here.url(), there.url()))
                .toString();
    }

    @Test
    void everyKindOfStepGetsItsResultWithOrWithoutAThreadWaiting() throws IOException {
        assertThat(UserThreads.onEventLoops())
                .as("users' threads run on the event loops")
                .isTrue();

        CliRun run = CliRun.of(ENV, "load", "staging", "hops", "--json", "-f", plan);

        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<String, JsonNode> requests = new HashMap<>();
        json.path("requests").forEach(r -> requests.put(r.path("name").asText(), r));
        assertThat(requests).containsOnlyKeys("first", "here", "there", "bye", "checked", "wrong");
        long iterations = requests.get("first").path("passed").asLong();
        assertThat(iterations).as(run.err()).isGreaterThan(10);
        for (String name : new String[] {"first", "here", "there", "bye", "checked"}) {
            assertThat(requests.get(name).path("errors").asLong()).as(name).isZero();
            // Each iteration reaches every step up to the failing check; a few are cut short
            // by the end of the test.
            assertThat(requests.get(name).path("passed").asLong()).as(name).isBetween(iterations - 3, iterations);
        }
        assertThat(requests.get("wrong").path("passed").asLong()).isZero();
        assertThat(requests.get("wrong").path("errors").asLong()).isBetween(iterations - 3, iterations);
        assertThat(json.path("errors").path("check").asLong())
                .isEqualTo(requests.get("wrong").path("errors").asLong());
    }

    @Test
    void aStopEndsUsersWaitingWithoutAThreadAtOnce() throws Exception {
        try (ChildJvm golive = ChildJvm.start(Main.class, "load", "staging", "waiting", "--as", "tester", "-f", plan)) {
            while (golive.lines().stream().noneMatch(l -> l.contains("    2s/600s"))) {
                assertThat(golive.isAlive()).as(golive.errors()).isTrue();
                Thread.sleep(100);
            }
            // Each user's connection is open and its second request hangs, with no thread on it:
            // a stop interrupts only threads, and the users' connections are closed for them. A
            // user left waiting would hold the test open for the 60 s of the response timeout
            // and more, longer than the operator's stop is given here.
            assertThat(here.connections()).isGreaterThanOrEqualTo(5);

            int code = golive.terminate();

            assertThat(String.join("\n", golive.lines()))
                    .as("exit " + code + ": " + golive.errors())
                    .contains("STOPPED  interrupted by the operator");
            assertThat(code).isNotZero();
        }
        CliRun journal = CliRun.of(ENV, "journal", "-f", plan);
        assertThat(journal.out()).contains("load.interrupted", "run.ended");
    }
}
