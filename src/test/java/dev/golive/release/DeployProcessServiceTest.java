package dev.golive.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import dev.golive.release.InstanceResult.Outcome;
import dev.golive.store.Store;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.ServiceAction;
import dev.golive.target.ServiceOptions;
import dev.golive.target.Services;
import dev.golive.target.SshSettings;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.VersionServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases that are runnable jars, deployed to a {@code process} service on two local hosts (two
 * loopback addresses): the jar is installed in {@code deploy.path}, the instance restarted from it
 * and the bytes deployed are the ones that run; a build whose instance smoke fails is rolled back
 * to the jar before it, which runs again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployProcessServiceTest {
    private static final List<String> ADDRESSES = List.of("127.0.0.8", "127.0.0.9");

    @TempDir
    static Path dir;

    private static int port;
    private static Plan plan;
    private static Environment env;
    private static Store store;
    private static Releases releases;
    private static Ledger ledger;

    @BeforeAll
    static void setUp() throws IOException {
        port = Ports.free(ADDRESSES.toArray(String[]::new));
        for (String d : List.of("apps/one", "apps/two", "uploads", "run", "logs")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.writeString(dir.resolve("one.properties"), "address=127.0.0.8\nport=" + port + "\n");
        Files.writeString(dir.resolve("two.properties"), "address=127.0.0.9\nport=" + port + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path file = Files.writeString(dir.resolve("golive.yaml"), """
                system: apps
                environments:
                  test:
                    hosts:
                      one: { address: local, loopback: 127.0.0.8 }
                      two: { address: local, loopback: 127.0.0.9 }
                    services:
                      app:
                        kind: process
                        on: [one, two]
                        http: %2$d
                        health: /health
                        start: "exec %3$s -jar %1$s/apps/{host}/app.jar %1$s/{host}.properties"
                        pidFile: %1$s/run/app-{host}.pid
                        logs: %1$s/logs
                        deploy: { path: "%1$s/apps/{host}", staging: %1$s/uploads, smoke: page, timeout: 60s }
                scenarios:
                  page:
                    steps:
                      - { get: /, expect: { status: 200 } }
                """.formatted(dir, port, java));
        plan = new PlanLoader(Map.of(), null).load(file);
        env = plan.environment("test").orElseThrow();
        store = Store.open(null, plan.directory(), plan.secrets().masker());
        releases = new Releases(store, new ArtifactStore(plan.artifactDirectory()), Clock.systemUTC());
        ledger = new Ledger(store, Clock.systemUTC());
        releases.add("1.0", List.of(jar("1.0", false)), null, "maria");
        releases.add("2.0", List.of(jar("2.0", false)), null, "maria");
        releases.add("3.0", List.of(jar("3.0", true)), "pages fail", "maria");
    }

    @AfterAll
    static void stopTheInstances() {
        try (Hosts hosts = hosts()) {
            Services services = new Services(env, hosts);
            services.run(services.select("app"), ServiceAction.KILL, ServiceOptions.defaults());
        }
    }

    @Test
    @Order(1)
    void aJarIsDeployedInstanceByInstanceAndTheBytesDeployedAreTheBytesThatRun() throws Exception {
        DeployReport first = deploy("1.0");
        DeployReport second = deploy("2.0");

        assertThat(first.instances())
                .extracting(InstanceResult::outcome)
                .as(first.toString())
                .containsExactly(Outcome.DEPLOYED, Outcome.DEPLOYED);
        assertThat(second.instances())
                .extracting(InstanceResult::outcome)
                .as(second.toString())
                .containsExactly(Outcome.DEPLOYED, Outcome.DEPLOYED);
        assertThat(versions()).containsExactly("2.0", "2.0");
        for (String host : List.of("one", "two")) {
            Path installed = dir.resolve("apps/" + host + "/app.jar");
            assertThat(installed).hasSameBinaryContentAs(dir.resolve("build/2.0/app.jar"));
            assertThat(installed.resolveSibling("app.jar.golive-previous"))
                    .hasSameBinaryContentAs(dir.resolve("build/1.0/app.jar"));
            assertThat(commandLine(host)).contains(installed.toString());
        }
        assertThat(inspect()).containsExactly("app/one ok 2.0", "app/two ok 2.0");
    }

    @Test
    @Order(2)
    void aBuildWhoseInstanceSmokeFailsIsRolledBackAndTheJarBeforeRunsAgain() throws Exception {
        DeployReport broken = deploy("3.0");

        assertThat(broken.outcome()).isEqualTo("rolled-back");
        assertThat(broken.instances())
                .extracting(InstanceResult::outcome)
                .containsExactly(Outcome.ROLLED_BACK, Outcome.UNTOUCHED);
        assertThat(broken.instances().get(0).detail())
                .startsWith("smoke page failed: ")
                .contains("GET /: status: expected 200, got 500")
                .endsWith("the instance was rolled back to 2.0 and is healthy");
        assertThat(versions()).containsExactly("2.0", "2.0");
        assertThat(dir.resolve("apps/one/app.jar")).hasSameBinaryContentAs(dir.resolve("build/2.0/app.jar"));
        assertThat(inspect()).containsExactly("app/one ok 2.0", "app/two ok 2.0");
    }

    @Test
    @Order(3)
    void theReadinessCheckTellsTheDeployedVersionAndADriftedInstance() throws Exception {
        assertThat(deployedChecks()).containsExactly("app/one true runs 2.0", "app/two true runs 2.0");

        Path jar = dir.resolve("apps/two/app.jar");
        byte[] original = Files.readAllBytes(jar);
        Files.write(jar, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        try {
            assertThat(deployedChecks()).containsExactly("app/one true runs 2.0", "app/two false drift");
        } finally {
            Files.write(jar, original);
        }
    }

    /** The check's results for the deployed versions: instance, green or not, the first words. */
    private static List<String> deployedChecks() throws IOException {
        dev.golive.cli.Cli.Result check = dev.golive.cli.Cli.run(
                Map.of("GOLIVE_USER", "olga"),
                "check",
                "test",
                "--json",
                "-f",
                dir.resolve("golive.yaml").toString());
        var groups = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(check.out())
                .get("groups");
        List<String> out = new java.util.ArrayList<>();
        for (var group : groups) {
            if (group.get("kind").asText().equals("releases")) {
                for (var r : group.get("results")) {
                    String detail = r.get("detail").asText();
                    out.add(r.get("subject").asText() + " " + r.get("ok").asBoolean() + " "
                            + detail.substring(0, detail.indexOf(':')));
                }
            }
        }
        return out;
    }

    private static DeployReport deploy(String version) {
        try (Hosts hosts = hosts()) {
            Deployer deployer = new Deployer(plan, env, hosts, store, releases, ledger, "maria", (i, s, ok, d) -> {});
            return deployer.deploy(releases.get(version), deployer.instances(null), 1, "deploy");
        }
    }

    private static List<String> inspect() {
        try (Hosts hosts = hosts()) {
            return new Inspection(env, hosts, releases, ledger)
                    .inspect().stream()
                            .map(s -> s.instance() + " " + s.state() + " " + s.onHost())
                            .toList();
        }
    }

    private static Hosts hosts() {
        return new Hosts(env.hosts(), SshSettings.forPlan(dir), OutputListener.NONE);
    }

    /** What each instance answers at /version. */
    private static List<String> versions() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            List<String> out = new java.util.ArrayList<>();
            for (String address : ADDRESSES) {
                HttpRequest get = HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + "/version"))
                        .build();
                out.add(http.send(get, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .strip());
            }
            return out;
        }
    }

    private static String commandLine(String host) throws IOException {
        long pid = Long.parseLong(
                Files.readString(dir.resolve("run/app-" + host + ".pid")).strip());
        return ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse("");
    }

    /** A runnable jar of {@link VersionServer}, named app.jar as every build of it is. */
    private static Path jar(String version, boolean broken) throws IOException {
        Path build = Files.createDirectories(dir.resolve("build/" + version));
        Path manifest = Files.writeString(
                build.resolve("MANIFEST.MF"),
                "Main-Class: " + VersionServer.class.getName() + "\nImplementation-Version: " + version + "\n"
                        + (broken ? "X-Broken: true\n" : ""));
        Path classes;
        try {
            classes = Path.of(VersionServer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path jar = build.resolve("app.jar");
        StringWriter said = new StringWriter();
        int code = ToolProvider.findFirst("jar")
                .orElseThrow()
                .run(
                        new PrintWriter(said),
                        new PrintWriter(said),
                        "--create",
                        "--file",
                        jar.toString(),
                        "--manifest",
                        manifest.toString(),
                        "-C",
                        classes.toString(),
                        VersionServer.class.getName().replace('.', '/') + ".class");
        assertThat(code).as(said.toString()).isZero();
        return jar;
    }
}
