package dev.golive.cli;

import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.testsupport.HelloServer;
import dev.golive.testsupport.NginxServer;
import dev.golive.testsupport.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * Two instances of a small service on two loopback addresses, managed by golive as a process
 * service, behind two real nginx balancers: one that retries a failed request on the other
 * instance (environment {@code retry}), one that does not ({@code direct}). A second service,
 * {@code side}, runs beside it on the same hosts (not behind the balancers) once a test starts it.
 * {@link #matrix} is a second plan on the same system whose drills are all short, for {@code --all}.
 */
final class DrillFixture implements AutoCloseable {
    static final Map<String, String> ENV = Map.of("GOLIVE_USER", "tester");
    static final List<String> HOSTS = List.of("app1", "app2");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    final Path dir;
    final Path plan;
    final Path matrix;
    private final NginxServer retrying;
    private final NginxServer direct;
    private final NginxServer patient;

    private DrillFixture(
            Path dir, Path plan, Path matrix, NginxServer retrying, NginxServer direct, NginxServer patient) {
        this.dir = dir;
        this.plan = plan;
        this.matrix = matrix;
        this.retrying = retrying;
        this.direct = direct;
        this.patient = patient;
    }

    static DrillFixture start(Path dir) throws IOException {
        int port = Ports.free("127.0.0.2", "127.0.0.3");
        int sidePort = Ports.free("127.0.0.2", "127.0.0.3");
        for (int i = 0; i < HOSTS.size(); i++) {
            String host = HOSTS.get(i);
            properties(dir, host, "127.0.0." + (i + 2), port);
            properties(dir, "side-" + host, "127.0.0." + (i + 2), sidePort);
        }
        List<String> backends = List.of("127.0.0.2:" + port, "127.0.0.3:" + port);
        NginxServer retrying =
                NginxServer.startBalancer(Files.createDirectories(dir.resolve("lb-retry")), backends, true);
        NginxServer direct =
                NginxServer.startBalancer(Files.createDirectories(dir.resolve("lb-direct")), backends, false);
        // Retries, and never sets a failed instance aside: half the requests meet a hung instance.
        NginxServer patient =
                NginxServer.startBalancer(Files.createDirectories(dir.resolve("lb-patient")), backends, true, false);
        String system = system(dir, port, sidePort, retrying.url(), direct.url(), patient.url());
        Path plan = Files.writeString(dir.resolve("golive.yaml"), system + "drills:\n" + DRILLS + SHORT_DRILLS);
        Path matrix = Files.writeString(dir.resolve("matrix.yaml"), system + "drills:\n" + SHORT_DRILLS);
        return new DrillFixture(dir, plan, matrix, retrying, direct, patient);
    }

    private static void properties(Path dir, String name, String address, int port) throws IOException {
        Files.writeString(
                dir.resolve(name + ".properties"),
                "address=" + address + "\nport=" + port + "\npidFile=" + dir.resolve(name + ".pid") + "\n");
    }

    /** Drills of a few seconds per phase, each survived behind the retrying balancer but hang-slow. */
    private static final String SHORT_DRILLS = """
              kill-one:
                load: { scenario: hello, rate: 20/s, timeout: 5s }
                baseline: 2s
                verify: 3s
                fault: { kill: web, count: 1, for: 3s }
                expect: { errors: 1%, errorCount: 0, recovery: 5s, stable: 2s }
              restart-one:
                load: { scenario: hello, rate: 20/s, timeout: 5s }
                baseline: 2s
                verify: 3s
                fault: { restart: web, instances: [app2], for: 3s }
                expect: { errors: 1%, errorCount: 0, recovery: 5s, stable: 2s }
              hang-slow:
                load: { scenario: hello, rate: 10/s, timeout: 5s }
                baseline: 2s
                verify: 3s
                fault: { hang: web, instances: [app2], for: 4s }
                expect: { errors: 1%, p95: 500ms, stable: 2s }
            """;

    private static final String DRILLS = """
              stop-one:
                load: { scenario: hello, rate: 20/s, timeout: 5s }
                baseline: 2s
                verify: 3s
                fault: { stop: web, count: 1, for: 3s }
                expect: { errors: 1%, errorCount: 0, recovery: 5s, stable: 2s }
              host-down:
                load: { scenario: hello, rate: 20/s, timeout: 5s }
                baseline: 2s
                verify: 3s
                fault: { stop: host, host: app1, for: 3s }
                expect: { errors: 1%, errorCount: 0, recovery: 5s, stable: 2s }
              hang-slow-allowed:
                load: { scenario: hello, rate: 10/s, timeout: 5s }
                baseline: 2s
                verify: 3s
                fault: { hang: web, instances: [app2], for: 4s }
                expect: { errors: 1%, p95: 3s, stable: 2s }
              hang-one:
                load: { scenario: hello, rate: 20/s, timeout: 5s }
                baseline: 2s
                verify: 4s
                fault: { hang: web, instances: [app2], for: 3s }
                expect: { errors: 1%, recovery: 10s, stable: 2s }
              hang-long:
                load: { scenario: hello, rate: 5/s }
                baseline: 1s
                fault: { hang: web, instances: [app1], for: 5m }
              kill-long:
                load: { scenario: hello, rate: 5/s }
                baseline: 1s
                fault: { kill: web, instances: [app2], for: 5m }
              both-down:
                load: { scenario: hello, rate: 10/s, timeout: 2s }
                baseline: 1s
                verify: 2s
                fault: { stop: web, count: 2, for: 1s }
                expect: { errors: 1%, stable: 1s }
              cut-one:
                load: { scenario: hello, rate: 10/s }
                fault: { block: web, instances: [app1], for: 2s }
            """;

    private static String system(Path dir, int port, int sidePort, String retry, String direct, String patient) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String start = "exec " + sh(java) + " -Xmx48m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                + sh(System.getProperty("java.class.path")) + " " + HelloServer.class.getName() + " ";
        String hostsAndServices = """
                    hosts:
                      app1: { address: local, loopback: 127.0.0.2 }
                      app2: { address: local, loopback: 127.0.0.3 }
                    services:
                      web:
                        kind: process
                        on: [app1, app2]
                        survivable: 1
                        http: %d
                        health: /health
                        start: %s
                        pidFile: %s
                      side:
                        kind: process
                        on: [app1, app2]
                        survivable: 1
                        http: %d
                        health: /health
                        start: %s
                        pidFile: %s
                """.formatted(
                        port,
                        quoted(start + sh(dir + "/{host}.properties")),
                        quoted(dir + "/{host}.pid"),
                        sidePort,
                        quoted(start + sh(dir + "/side-{host}.properties")),
                        quoted(dir + "/side-{host}.pid"));
        return """
                system: hello
                environments:
                  retry:
                    entry: "%s"
                %s
                  direct:
                    entry: "%s"
                %s
                  patient:
                    entry: "%s"
                %s
                scenarios:
                  hello:
                    steps:
                      - { get: /, expect: { status: 200 } }
                """.formatted(retry, hostsAndServices, direct, hostsAndServices, patient, hostsAndServices);
    }

    /** golive, run in this JVM on the fixture's plan. */
    CliRun golive(String... args) {
        return golive(plan, args);
    }

    /** golive, run in this JVM on the given plan of the fixture. */
    CliRun golive(Path plan, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--plan=" + plan;
        return CliRun.of(ENV, all);
    }

    /** Continues an instance a failed test left stopped, so that one failure does not fail the others. */
    void heal() throws IOException {
        for (String host : HOSTS) {
            long pid = pid(host);
            if (Files.exists(Path.of("/proc/" + pid)) && state(pid).equals("T")) {
                new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start();
            }
        }
    }

    /**
     * Waits until the balancers that set a failed instance aside send requests to each instance
     * again. nginx keeps an instance aside for up to {@code fail_timeout} (plus its clock's second)
     * after its last failure, even once the instance answers its health check; a drill begun then
     * would find its survivor aside and no instance to send a request to.
     */
    void balancersUseEveryInstance() {
        for (NginxServer balancer : List.of(retrying, direct)) {
            Set<String> alone = new HashSet<>();
            Awaitility.await("both instances answering through " + balancer.url())
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        answeredAlone(balancer).ifPresent(alone::add);
                        return alone.size() == HOSTS.size();
                    });
        }
    }

    /** The backend that answered a request through the balancer when it was the only one tried. */
    private static Optional<String> answeredAlone(NginxServer balancer) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(balancer.url() + "/"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers()
                .firstValue("X-Upstream")
                .filter(tried -> response.statusCode() == 200 && !tried.contains(","));
    }

    /** The error log of the retrying balancer: why it gave up on a backend, for a failing test's message. */
    String retryingLog() {
        return "\n--- the retrying balancer's error log ---\n" + retrying.errorLog();
    }

    /** The journal and the runs, read as the next golive command would. */
    List<JournalEntry> journal(String runId) {
        Store store = Store.open(null, dir, UnaryOperator.identity());
        return store.journal()
                .list(runId == null ? JournalQuery.all() : JournalQuery.all().withRunId(runId));
    }

    Run run(String runId) {
        return Store.open(null, dir, UnaryOperator.identity())
                .runs()
                .find(runId)
                .orElseThrow();
    }

    /** The PID of an instance, from its PID file. */
    long pid(String host) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(host + ".pid")).strip());
    }

    /** The state letter of a process in /proc: R, S, T (stopped), … */
    static String state(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("State:"))
                .map(l -> l.substring(6).strip().substring(0, 1))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        golive("service", "retry", "web", "kill");
        golive("service", "retry", "side", "kill");
        retrying.close();
        direct.close();
        patient.close();
    }

    private static String sh(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
