package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive load --warm-up}: the engine is readied on loopback, and the system under test sees none of it. */
class LoadWarmUpTest {
    private static final Map<String, String> ENV = Map.of("GOLIVE_USER", "tester");

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private String plan;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                        system: shop
                        environments:
                          staging: { entry: "http://127.0.0.1:%d" }
                        scenarios:
                          page:
                            steps:
                              - { get: /index.html }
                              - { think: 50ms }
                        loadtests:
                          brief: { scenario: page, users: 2, duration: 1s }
                        """.formatted(
                                server.getAddress().getPort()))
                .toString();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theEngineWarmsUpOnLoopbackAndTheEnvironmentSeesOnlyTheTestsRequests() throws IOException {
        CliRun run = CliRun.of(ENV, "load", "staging", "brief", "--json", "-f", plan);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("Warming up golive's engine on loopback for 2s (the staging environment sees none of it)")
                .containsPattern("Warmed up: [\\d,]+ requests in 2(\\.\\d)?s\n");
        assertThat(warmed(run.err())).isGreaterThan(1000);
        JsonNode result = new ObjectMapper().readTree(run.out());
        long sent = result.at("/overall/passed").asLong()
                + result.at("/overall/errors").asLong();
        assertThat(sent).isPositive();
        assertThat(requests.get()).isEqualTo(sent);
    }

    @Test
    void aWarmUpOfZeroSkipsIt() {
        CliRun run = CliRun.of(ENV, "load", "staging", "brief", "--warm-up", "0", "-f", plan);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Warm");
    }

    @Test
    void aWarmUpThatIsNotADurationIsRefusedBeforeAnythingRuns() {
        for (String bad : new String[] {"soon", "-2s", "2h"}) {
            CliRun run = CliRun.of(ENV, "load", "staging", "brief", "--warm-up", bad, "-f", plan);

            assertThat(run.code()).as(bad).isEqualTo(2);
            assertThat(run.err())
                    .contains("--warm-up must be a duration of at most 1m such as 2s, or 0 to skip it; got '" + bad
                            + "'");
        }
        assertThat(requests.get()).isZero();
        assertThat(CliRun.of(ENV, "journal", "-f", plan).out()).doesNotContain("brief");
    }

    private static long warmed(String err) {
        var m = java.util.regex.Pattern.compile("Warmed up: ([\\d,]+) requests").matcher(err);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
