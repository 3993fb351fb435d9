package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.Ports;
import dev.golive.testsupport.PostgresServer;
import dev.golive.testsupport.PostgresServerExtension;
import dev.golive.testsupport.SshServer;
import dev.golive.testsupport.TomcatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code golive check} against real servers: two sshd (the second reached through the first),
 * two Tomcat instances started through golive, PostgreSQL; and hosts that are dead, refuse the
 * login, or show a changed host key.
 */
@ExtendWith(PostgresServerExtension.class)
class CheckCommandTest {
    private static final String DB_PASSWORD = PostgresServer.PASSWORD;

    @TempDir
    static Path dir;

    private static SshServer bastion;
    private static SshServer inner;
    private static SshServer changed;
    private static TomcatServer good;
    private static TomcatServer bare;
    private static Path plan;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp(PostgresServer postgres) throws Exception {
        Path key = SshServer.generateKey(dir.resolve("id_ed25519"), "");
        Path stranger = SshServer.generateKey(dir.resolve("stranger"), "");
        Path pub = Path.of(key + ".pub");
        bastion = SshServer.start(Files.createDirectories(dir.resolve("bastion")), pub);
        inner = SshServer.start(Files.createDirectories(dir.resolve("inner")), pub);
        changed = SshServer.start(Files.createDirectories(dir.resolve("changed")), pub);
        good = TomcatServer.create(
                dir.resolve("good"),
                "-Xms64m",
                "-Xmx128m",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-Xlog:gc*:file=" + dir.resolve("good/logs/gc.log"));
        bare = TomcatServer.create(dir.resolve("bare"));
        String url = postgres.createDatabase();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("create table product (id int); insert into product values (1), (2), (3)");
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        env = Map.of("HOME", home.toString(), "DB_PASSWORD", DB_PASSWORD);
        plan = Files.writeString(Files.createDirectories(dir.resolve("plan")).resolve("golive.yaml"), """
                system: shop
                environments:
                  ready:
                    hosts:
                      bastion: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      was1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      was2: { address: 127.0.0.1, port: %3$d, key: %2$s, via: bastion }
                    services:
                      was1: { kind: tomcat, on: was1, home: %4$s, base: %5$s, http: %6$d, health: /app/health }
                      db: { kind: jdbc, url: "%7$s", user: golive, password: "${secret:DB_PASSWORD}" }
                  troubled:
                    hosts:
                      was1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      dead: { address: 127.0.0.1, port: %8$d, key: %2$s }
                      stranger: { address: 127.0.0.1, port: %1$d, key: %9$s }
                      changed: { address: 127.0.0.1, port: %10$d, key: %2$s }
                    services:
                      bare: { kind: tomcat, on: was1, home: %4$s, base: %11$s, http: %12$d, health: /app/health }
                      gone: { kind: tomcat, on: dead, home: %4$s }
                      baddb: { kind: jdbc, url: "%7$s", user: golive, password: "not the password" }
                checks:
                  - { name: products loaded, db: "select count(*) from product", expect: ">= 3", env: ready }
                  - { name: every Tomcat answers, health: was1, env: ready }
                  - { name: logs directory writable, command: "test -w %5$s/logs", on: was2, env: ready }
                  - { name: batch finishes, command: "sleep 600", on: was1, timeout: 2s, env: troubled }
                """.formatted(
                        bastion.port(),
                        key,
                        inner.port(),
                        TomcatServer.HOME,
                        good.base(),
                        good.httpPort(),
                        url.substring(0, url.indexOf('?')),
                        Ports.closed(),
                        stranger,
                        changed.port(),
                        bare.base(),
                        bare.httpPort()));
        // A known_hosts line for the changed server with another key than the one it shows.
        Path knownHosts = Files.createDirectories(dir.resolve("plan/.golive")).resolve("known_hosts");
        Files.writeString(
                knownHosts,
                "[127.0.0.1]:" + changed.port() + " "
                        + Files.readString(Path.of(stranger + ".pub")).strip() + "\n");
        for (String[] start : new String[][] {{"ready", "was1"}, {"troubled", "bare"}}) {
            CliRun run = golive("service", start[0], start[1], "start", "--accept-new");
            assertThat(run.code()).as(run.out() + run.err()).isZero();
        }
    }

    @AfterAll
    static void tearDown() {
        good.close();
        bare.close();
        bastion.close();
        inner.close();
        changed.close();
    }

    private static CliRun golive(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "-f=" + plan;
        System.arraycopy(args, 1, all, 2, args.length - 1);
        return CliRun.of(env, all);
    }

    @Test
    void aReadyEnvironmentIsGreenEverywhereAndTheResultGoesToTheJournal() throws Exception {
        CliRun run = golive("check", "ready", "--accept-new", "--as", "ana");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern("ok +bastion +ssh +logged in as ")
                .containsPattern("ok +host was2 +was2 +ssh +logged in as .* through bastion")
                .containsPattern(
                        "ok +was1/was1 +running +running, PID " + good.pids().get(0))
                .containsPattern("ok +was1/was1 +port " + good.httpPort() + " +listening")
                .containsPattern(
                        "ok +was1/was1 +health +http://127.0.0.1:" + good.httpPort() + "/app/health answered 200")
                .containsPattern("ok +was1/was1 +java +java \\d+")
                .containsPattern("ok +was1/was1 +jvm options +-Xms64m -Xmx128m, heap dump on OOM, GC log")
                .containsPattern("ok +service db +db +connects +connected to PostgreSQL")
                .containsPattern("ok +checks +db +products loaded +3")
                .containsPattern("ok +was2 +logs directory writable +exit status 0")
                .containsPattern("ok +was1 +disk / +\\d+% free")
                .containsPattern("ok +was1 +memory +.* available")
                .containsPattern("ok +was1 +clock +[+-]\\d+\\.\\d+ s from this machine")
                .doesNotContain(DB_PASSWORD)
                .endsWith("ready: "
                        + (run.out().lines().filter(l -> l.startsWith("ok")).count()) + " green, 0 red: ready\n");
        JsonNode journal = new ObjectMapper()
                .readTree(golive("journal", "--kind", "check", "--json").out());
        JsonNode entry = journal.get(journal.size() - 1);
        assertThat(entry.get("actor").asText()).isEqualTo("ana");
        assertThat(entry.get("subject").asText()).startsWith("ready: ").endsWith(", 0 red: ready");
        assertThat(entry.get("data").get("groups").get(0).get("results")).isNotEmpty();
    }

    @Test
    void everyRedLineSaysWhyAndNoHostHoldsUpTheOthers() {
        CliRun run = golive("check", "troubled", "--accept-new", "--disk-free", "100%", "--timeout", "10s");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern(
                        "FAIL +host dead +dead +reachable +127.0.0.1:\\d+ cannot be reached: Connection refused")
                .containsPattern("FAIL +gone/dead +running +not checked: dead was not reached")
                .containsPattern("FAIL +stranger +ssh +stranger \\(127.0.0.1:\\d+\\): login as \\S+ refused")
                .containsPattern("FAIL +changed +ssh +changed \\(127.0.0.1:\\d+\\): the host key changed")
                .containsPattern("FAIL +was1 +disk / +only \\d+% free .*; needs 100%")
                .containsPattern(
                        "FAIL +bare/was1 +jvm options +missing a maximum heap \\(-Xmx\\), an initial heap \\(-Xms\\),"
                                + " -XX:\\+HeapDumpOnOutOfMemoryError, a GC log")
                .containsPattern("FAIL +checks +was1 +batch finishes +was1 \\(127.0.0.1:\\d+\\): timed out after 2 s")
                .containsPattern("FAIL +service baddb +baddb +connects +cannot connect to jdbc:postgresql://\\S+:"
                        + " FATAL: password authentication failed for user \"golive\"")
                .doesNotContain("not the password")
                .containsPattern("ok +bare/was1 +health +.* answered 200")
                .contains("troubled: ")
                .contains(" red: NOT ready");
        assertThat(run.err()).containsPattern("\\d+ of \\d+ checks are red");
    }

    @Test
    void printsTheResultsAsJsonForScripts() throws Exception {
        CliRun run = golive("check", "troubled", "--accept-new", "--json", "--timeout", "10s");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(run.code()).isEqualTo(1);
        assertThat(report.get("ready").asBoolean()).isFalse();
        assertThat(report.get("red").asInt()).isPositive();
        assertThat(report.get("groups").findValuesAsText("name"))
                .contains("was1", "dead", "stranger", "changed", "checks");
        JsonNode dead = report.get("groups").get(1).get("results").get(0);
        assertThat(dead.get("check").asText()).isEqualTo("reachable");
        assertThat(dead.get("ok").asBoolean()).isFalse();
    }

    @Test
    void anUnknownEnvironmentIsAUsageErrorNamingTheChoices() {
        CliRun run = golive("check", "prod");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no environment 'prod' in the plan; its environments are [ready, troubled]");
    }
}
