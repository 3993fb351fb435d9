package dev.golive.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.Environment;
import dev.golive.testsupport.SshServer;
import dev.golive.testsupport.TomcatServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Tomcat 10 instances, each in its own CATALINA_BASE, driven through golive over SSH and locally. */
class TomcatServiceTest {
    @TempDir
    static Path shared;

    private static Path key;
    private static SshServer bastion;
    private static SshServer sshd;

    @TempDir
    Path home;

    @TempDir
    Path planDir;

    @TempDir
    Path bases;

    private TomcatServer tomcat;

    @BeforeAll
    static void startServers() throws Exception {
        key = SshServer.generateKey(shared.resolve("id_ed25519"), "");
        sshd = SshServer.start(Files.createDirectories(shared.resolve("sshd")), Path.of(key + ".pub"));
        bastion = SshServer.start(Files.createDirectories(shared.resolve("bastion")), Path.of(key + ".pub"));
    }

    @AfterAll
    static void stopServers() {
        sshd.close();
        bastion.close();
    }

    @AfterEach
    void killTomcat() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    private Environment environment(String host, TomcatServer server) {
        return TestPlans.environment(planDir, """
                system: shop
                environments:
                  test:
                    hosts:
                      here: { address: local }
                      was1: { address: 127.0.0.1, port: %d, key: %s }
                      bastion: { address: 127.0.0.1, port: %d, key: %s }
                      inner: { address: 127.0.0.1, port: %d, key: %s, via: bastion }
                    services:
                      was: { kind: tomcat, on: [%s], home: %s, base: %s, http: %d, health: %s }
                """.formatted(
                        sshd.port(),
                        key,
                        bastion.port(),
                        key,
                        sshd.port(),
                        key,
                        host,
                        TomcatServer.HOME,
                        server.base(),
                        server.httpPort(),
                        TomcatServer.HEALTH));
    }

    private ServiceOutcome act(Environment env, String spec, ServiceAction action, ServiceOptions options) {
        try (Hosts hosts = new Hosts(env.hosts(), Settings.trusting(home, planDir), OutputListener.NONE)) {
            Services services = new Services(env, hosts);
            List<ServiceOutcome> outcomes = services.run(services.select(spec), action, options);
            assertThat(outcomes).hasSize(1);
            return outcomes.get(0);
        }
    }

    private ServiceOutcome act(Environment env, ServiceAction action) {
        return act(env, "was", action, ServiceOptions.defaults());
    }

    @Test
    void startsFindsChecksAndStopsATomcatOverSsh() {
        tomcat = TomcatServer.create(bases.resolve("was1"), "-Xms64m", "-Xmx128m", "-XX:+HeapDumpOnOutOfMemoryError");
        Environment env = environment("was1", tomcat);

        ServiceOutcome started = act(env, ServiceAction.START);
        assertThat(started.ok()).as(started.detail()).isTrue();
        assertThat(started.detail()).startsWith("started PID ").contains(TomcatServer.HEALTH + " answered 200");
        assertThat(started.pids()).containsExactlyElementsOf(tomcat.pids());

        ServiceOutcome status = act(env, ServiceAction.STATUS);
        assertThat(status.ok()).isTrue();
        assertThat(status.detail()).isEqualTo("running, PID " + tomcat.pids().get(0));

        ServiceOutcome jvm = act(env, ServiceAction.JVM);
        assertThat(jvm.ok()).as(jvm.detail()).isTrue();
        assertThat(jvm.jvm().isJava()).isTrue();
        assertThat(jvm.jvm().version()).matches("\\d+[.\\d]*.*");
        assertThat(jvm.jvm().options())
                .contains("-Xms64m", "-Xmx128m", "-XX:+HeapDumpOnOutOfMemoryError", "-Dcatalina.base=" + tomcat.base())
                .noneMatch(o -> o.contains("bootstrap.jar"));
        assertThat(jvm.jvm().main()).isEqualTo("org.apache.catalina.startup.Bootstrap");

        ServiceOutcome stopped = act(env, ServiceAction.STOP);
        assertThat(stopped.ok()).as(stopped.detail()).isTrue();
        assertThat(stopped.detail()).startsWith("stopped PID ");
        assertThat(tomcat.isRunning()).isFalse();
        assertThat(act(env, ServiceAction.STATUS).detail()).isEqualTo("stopped");
    }

    @Test
    void startingARunningTomcatLeavesItAlone() {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        Environment env = environment("here", tomcat);
        ServiceOutcome first = act(env, ServiceAction.START);
        assertThat(first.ok()).as(first.detail()).isTrue();

        ServiceOutcome second = act(env, ServiceAction.START);

        assertThat(second.ok()).isTrue();
        assertThat(second.detail())
                .startsWith("already running, PID " + first.pids().get(0));
        assertThat(tomcat.pids()).hasSize(1);
    }

    @Test
    void killsATomcatThatDoesNotStopWhenAsked() {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        tomcat.addWebappThatHangsOnStop();
        Environment env = environment("here", tomcat);
        ServiceOutcome started = act(env, ServiceAction.START);
        assertThat(started.ok()).as(started.detail()).isTrue();

        ServiceOutcome stopped = act(
                env, "was/here", ServiceAction.STOP, ServiceOptions.defaults().withStopTimeout(Duration.ofSeconds(8)));

        assertThat(stopped.ok()).as(stopped.detail()).isTrue();
        assertThat(stopped.detail())
                .startsWith("killed after it did not stop within 8 s")
                .endsWith("PID " + started.pids().get(0));
        assertThat(tomcat.isRunning()).isFalse();
    }

    @Test
    void killKillsAtOnceAndHealthThenSaysWhyItIsRed() {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        Environment env = environment("here", tomcat);
        long pid = act(env, ServiceAction.START).pids().get(0);

        ServiceOutcome killed = act(env, ServiceAction.KILL);
        ServiceOutcome health =
                act(env, "was", ServiceAction.HEALTH, ServiceOptions.defaults().withHealthDeadline(Duration.ZERO));

        assertThat(killed.detail()).isEqualTo("killed PID " + pid);
        assertThat(tomcat.isRunning()).isFalse();
        assertThat(health.ok()).isFalse();
        assertThat(health.detail())
                .startsWith("http://127.0.0.1:" + tomcat.httpPort() + TomcatServer.HEALTH + ": no answer");
    }

    @Test
    void aStartThatStaysUnhealthySaysWhetherItRunsAndWhatItsLogSaid() throws Exception {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        Environment env = environment("was1", tomcat);

        ServiceOutcome started;
        // Another process holds the HTTP port: Tomcat runs on without its connector and logs why.
        try (ServerSocket taken = new ServerSocket(tomcat.httpPort(), 1, InetAddress.getLoopbackAddress())) {
            started = act(
                    env,
                    "was",
                    ServiceAction.START,
                    ServiceOptions.defaults().withHealthDeadline(Duration.ofSeconds(3)));
        }

        assertThat(started.ok()).isFalse();
        assertThat(started.detail())
                .startsWith("started PID " + tomcat.pids().get(0) + "; http://127.0.0.1:" + tomcat.httpPort())
                .contains("; now running, PID " + tomcat.pids().get(0) + "; its log since the start: catalina.")
                .contains("Address already in use");
    }

    @Test
    void restartsATomcatThroughAJumpHostAndAsksItsHealthThere() {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        Environment env = environment("inner", tomcat);
        long first = act(env, ServiceAction.START).pids().get(0);

        ServiceOutcome restarted = act(env, ServiceAction.RESTART);

        assertThat(restarted.ok()).as(restarted.detail()).isTrue();
        assertThat(restarted.detail()).startsWith("stopped PID " + first + "; started PID ");
        assertThat(tomcat.pids()).hasSize(1).doesNotContain(first);
        assertThat(bastion.log()).contains("server_request_direct_tcpip");
    }

    @Test
    void showsTheTailAndTheErrorsLoggedSinceATime() throws Exception {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        tomcat.addBrokenWebapp();
        Files.writeString(tomcat.logs().resolve("old.log"), "2020-01-01 10:00:00 ERROR an old failure\n");
        Files.setLastModifiedTime(
                tomcat.logs().resolve("old.log"),
                java.nio.file.attribute.FileTime.from(Instant.parse("2020-01-01T10:00:00Z")));
        Environment env = environment("was1", tomcat);
        assertThat(act(env, ServiceAction.START).ok()).isTrue();

        ServiceOutcome tail =
                act(env, "was", ServiceAction.LOGS, ServiceOptions.defaults().withLines(3));
        ServiceOutcome recent = act(
                env,
                "was",
                ServiceAction.LOGS,
                ServiceOptions.defaults().withErrorsSince(Instant.now().minus(Duration.ofMinutes(10))));
        ServiceOutcome all = act(
                env,
                "was",
                ServiceAction.LOGS,
                ServiceOptions.defaults().withErrorsSince(Instant.parse("2019-12-31T00:00:00Z")));

        assertThat(tail.ok()).as(tail.detail()).isTrue();
        assertThat(tail.output().lines()).hasSize(3);
        assertThat(recent.output()).contains("SAXParseException").doesNotContain("an old failure");
        assertThat(all.output()).contains("old.log: 2020-01-01 10:00:00 ERROR an old failure");
    }

    @Test
    void clearLogsArchivesTheLogsThenEmptiesThem() throws Exception {
        tomcat = TomcatServer.create(bases.resolve("was1"));
        Environment env = environment("was1", tomcat);
        assertThat(act(env, ServiceAction.START).ok()).isTrue();
        long written = Files.size(tomcat.logs().resolve("catalina.out"));

        ServiceOutcome cleared = act(env, ServiceAction.CLEAR_LOGS);

        assertThat(cleared.ok()).as(cleared.detail()).isTrue();
        assertThat(cleared.detail()).startsWith("archived ").contains(tomcat.logs() + "/golive-archive/logs-");
        assertThat(written).isPositive();
        assertThat(Files.size(tomcat.logs().resolve("catalina.out"))).isZero();
        try (Stream<Path> archives = Files.list(tomcat.logs().resolve("golive-archive"))) {
            Path archive = archives.findFirst().orElseThrow();
            assertThat(archive.getFileName().toString()).matches("logs-\\d{8}-\\d{6}\\.tar\\.gz");
            assertThat(Files.size(archive)).isPositive();
        }
        // Still writing to the file it holds open, from its start.
        assertThat(tomcat.isRunning()).isTrue();
    }
}
