package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.SshServer;
import dev.golive.testsupport.TomcatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive service}: two real Tomcat instances of one service, on two hosts reached over SSH. */
class ServiceCommandTest {
    @TempDir
    static Path dir;

    private static SshServer sshd;
    private static TomcatServer one;
    private static TomcatServer two;
    private static Path plan;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        Path key = SshServer.generateKey(dir.resolve("id_ed25519"), "");
        sshd = SshServer.start(Files.createDirectories(dir.resolve("sshd")), Path.of(key + ".pub"));
        one = TomcatServer.create(dir.resolve("one"), "-Xmx128m");
        two = TomcatServer.create(dir.resolve("two"), "-Xmx128m");
        env = Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString());
        // Both hosts are this machine; each has its own Tomcat, so each instance names its own base
        // through a service of its own, and "was" stands for the pair.
        plan = Files.writeString(Files.createDirectories(dir.resolve("plan")).resolve("golive.yaml"), """
                system: shop
                environments:
                  staging:
                    hosts:
                      was1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      was2: { address: local }
                    services:
                      was: { kind: tomcat, on: [was1], home: %3$s, base: %4$s, http: %5$d, health: /app/health }
                      batch: { kind: tomcat, on: [was2], home: %3$s, base: %6$s, http: %7$d, health: /app/health }
                """.formatted(
                        sshd.port(), key, TomcatServer.HOME, one.base(), one.httpPort(), two.base(), two.httpPort()));
    }

    @AfterAll
    static void tearDown() {
        one.close();
        two.close();
        sshd.close();
    }

    private static CliRun golive(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-f";
        all[args.length + 1] = plan.toString();
        return CliRun.of(env, all);
    }

    @Test
    void startsStopsAndReportsATomcatAndJournalsWhatChangedWithWhoDidIt() throws Exception {
        CliRun started = golive("service", "staging", "was", "start", "--accept-new", "--as", "night-ops");
        CliRun status = golive("service", "staging", "was/was1", "status");
        CliRun jvm = golive("service", "staging", "was", "jvm");
        CliRun health = golive("service", "staging", "was", "health", "--expect", "UP");
        CliRun stopped = golive("service", "staging", "was", "stop", "--as", "night-ops");
        CliRun after = golive("service", "staging", "was", "status");

        assertThat(started.code()).as(started.out() + started.err()).isZero();
        assertThat(started.out())
                .containsPattern("ok +was/was1 +started PID \\d+; http://127.0.0.1:" + one.httpPort()
                        + "/app/health answered 200");
        assertThat(status.out()).containsPattern("ok +was/was1 +running, PID \\d+");
        assertThat(jvm.out())
                .contains("was1 | options:", "was1 |   -Xmx128m")
                .containsPattern("ok +was/was1 +PID \\d+: java \\d+");
        assertThat(health.code()).isZero();
        assertThat(stopped.out()).containsPattern("ok +was/was1 +stopped PID \\d+");
        assertThat(after.code()).isEqualTo(1);
        assertThat(after.out()).containsPattern("FAIL +was/was1 +stopped");
        assertThat(after.err()).contains("1 of 1 failed: status was");
        JsonNode journal = new ObjectMapper()
                .readTree(golive("journal", "--kind", "service", "--json").out());
        List<JsonNode> was = new ArrayList<>();
        journal.forEach(e -> {
            if (e.get("subject").asText().contains(" was in ")) {
                was.add(e);
            }
        });
        assertThat(was)
                .extracting(e -> e.get("subject").asText())
                .containsExactly("start was in staging: ok", "stop was in staging: ok");
        assertThat(was).extracting(e -> e.get("actor").asText()).containsOnly("night-ops");
        assertThat(was.get(0).get("data").get("outcomes").get(0).get("subject").asText())
                .isEqualTo("was/was1");
    }

    @Test
    void showsTheLogsOfAnInstanceAndClearsThem() throws Exception {
        assertThat(golive("service", "staging", "batch", "start").code()).isZero();

        CliRun tail = golive("service", "staging", "batch/was2", "logs", "--lines", "2");
        CliRun errors = golive("service", "staging", "batch", "logs", "--since", "1h");
        CliRun cleared = golive("service", "staging", "batch", "clear-logs");

        assertThat(tail.out().lines().filter(l -> l.startsWith("was2 | "))).hasSize(2);
        assertThat(tail.out()).containsPattern("ok +batch/was2 +the last 2 lines");
        assertThat(errors.out()).containsPattern("ok +batch/was2 +\\d+ error lines since ");
        assertThat(cleared.out()).containsPattern("ok +batch/was2 +archived \\d+ files to " + two.logs());
        assertThat(Files.size(two.logs().resolve("catalina.out"))).isZero();
        assertThat(golive("service", "staging", "batch", "kill").out())
                .containsPattern("ok +batch/was2 +killed PID \\d+");
    }

    @Test
    void badTargetsAndActionsAreUsageErrorsThatListTheChoices() {
        CliRun action = golive("service", "staging", "was", "reboot");
        CliRun service = golive("service", "staging", "web", "status");
        CliRun instance = golive("service", "staging", "was/was9", "status");

        assertThat(action.code()).isEqualTo(2);
        assertThat(action.err())
                .contains("unknown action 'reboot'; the actions are [status, start, stop, restart, kill,"
                        + " health, logs, clear-logs, jvm]");
        assertThat(service.code()).isEqualTo(2);
        assertThat(service.err()).contains("no service 'web' in staging; its services are [was, batch]");
        assertThat(instance.err())
                .contains("service was does not run on 'was9' in staging; its instances are [was/was1]");
    }

    @Test
    void anUnknownHostKeyIsRefusedWithoutAcceptNew() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path copy = Files.copy(plan, other.resolve("golive.yaml"));

        CliRun run = CliRun.of(env, "service", "staging", "was", "status", "-f", copy.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("FAIL +was/was1 +was1 \\(127.0.0.1:\\d+\\): unknown host key ssh-ed25519 SHA256:");
    }
}
