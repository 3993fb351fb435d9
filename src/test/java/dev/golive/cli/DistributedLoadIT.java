package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.golive.testsupport.SshServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test from three generator hosts reached over a real OpenSSH server: golive copies its
 * jar and the plan to each, starts the agents together and merges what they measure. Runs after
 * the jar is built.
 */
class DistributedLoadIT {
    @TempDir
    static Path dir;

    private static SshServer sshd;
    private static HttpServer app;
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static Path key;
    private static Map<String, String> env;
    private Path plan;

    @BeforeAll
    static void start() throws Exception {
        key = SshServer.generateKey(dir.resolve("id_ed25519"), "");
        sshd = SshServer.start(Files.createDirectories(dir.resolve("sshd")), Path.of(key + ".pub"));
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        app.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        app.createContext("/", x -> {
            String q = x.getRequestURI().getQuery();
            seen.add(q == null ? "" : q);
            byte[] ok = "ok\n".getBytes();
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        app.start();
        env = new HashMap<>();
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        env.put("GOLIVE_USER", "tester");
        env.put("GOLIVE_AGENT_JAR", System.getenv("GOLIVE_AGENT_JAR"));
    }

    @AfterAll
    static void stop() {
        app.stop(0);
        sshd.close();
    }

    @BeforeEach
    void writePlan() throws IOException {
        seen.clear();
        StringBuilder rows = new StringBuilder("id\n");
        for (int i = 1; i <= 60; i++) {
            rows.append("row").append(i).append('\n');
        }
        Path planDir = Files.createDirectories(dir.resolve("plan"));
        Files.writeString(planDir.resolve("ids.csv"), rows);
        plan = Files.writeString(
                planDir.resolve("golive.yaml"), """
                system: shop
                environments:
                  test:
                    entry: "http://127.0.0.1:%1$d"
                    hosts:
                      g1: { address: 127.0.0.1, port: %2$d, key: %3$s }
                      g2: { address: 127.0.0.1, port: %2$d, key: %3$s }
                      g3: { address: 127.0.0.1, port: %2$d, key: %3$s }
                    generators: [g1, g2, g3]
                scenarios:
                  each:
                    feed: { file: ids.csv, mode: queue }
                    steps:
                      - transaction: fetch
                        steps:
                          - { get: "/ok?${id}" }
                loadtests:
                  spread:
                    scenario: each
                    arrivals: [ { hold: 12/s, for: 4s } ]
                    targets: { errors: 0%%, achieved: 90%% }
                  long:
                    scenario: each
                    arrivals: [ { hold: 3/s, for: 60s } ]
                """.formatted(app.getAddress().getPort(), sshd.port(), key));
    }

    @Test
    void threeGeneratorsShareTheLoadAndTheFeedAndTheirFiguresMergeExactly() throws Exception {
        CliRun run = CliRun.of(
                env, "load", "test", "spread", "--generators", "all", "--accept-new", "--json", "-f", plan.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        long passed = json.path("overall").path("passed").asLong();
        assertThat(passed).isEqualTo(seen.size()).isBetween(40L, 52L);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(json.path("health").path("arrivals").asLong()).isEqualTo(passed);
        assertThat(run.err())
                .contains("preparing 3 generators", "3 generators  rate 12.0")
                .containsPattern("\\|  g1 \\d+  g2 \\d+  g3 \\d+\n");
        JsonNode generators = json.path("generators");
        assertThat(generators.path("g1").path("arrivals").asLong()
                        + generators.path("g2").path("arrivals").asLong()
                        + generators.path("g3").path("arrivals").asLong())
                .isEqualTo(passed);
        CliRun report = CliRun.of(env, "report", json.path("run").asText(), "--json", "-f", plan.toString());
        JsonNode stored = new ObjectMapper().readTree(report.out());
        assertThat(stored.path("checks").toString()).contains("generator g1 kept up", "generator g3 kept up");
        assertThat(stored.path("overall").path("passed").asLong()).isEqualTo(passed);
        assertThat(stored.path("overall").path("p99Ms").asDouble())
                .isEqualTo(json.path("overall").path("p99Ms").asDouble());
    }

    @Test
    void aKilledAgentInvalidatesTheRunAndLeavesNoProcess() throws Exception {
        Path home = Path.of(System.getProperty("user.home"));
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() ->
                CliRun.of(env, "load", "test", "long", "--generators", "g1,g2", "--accept-new", "-f", plan.toString()));
        Path pid = home.resolve(".golive-agent/agent-1.pid");
        while (seen.size() < 6) {
            assertThat(running).isNotDone();
            Thread.sleep(100);
        }
        long agent = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(agent).orElseThrow().destroyForcibly();

        CliRun run = running.get();

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("generator g2").contains("invalid");
        Thread.sleep(500);
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(c -> c.contains(" agent ") && c.contains("--part")))
                .isEmpty();
    }
}
