package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.testsupport.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive exec} on hosts reached over SSH, directly and through a jump host, and locally. */
class ExecCommandTest {
    @TempDir
    static Path dir;

    private static SshServer bastion;
    private static SshServer inner;
    private static Path plan;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        Path key = SshServer.generateKey(dir.resolve("id_ed25519"), "");
        bastion = SshServer.start(Files.createDirectories(dir.resolve("bastion")), Path.of(key + ".pub"));
        inner = SshServer.start(Files.createDirectories(dir.resolve("inner")), Path.of(key + ".pub"));
        env = Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString(), "DB_PASSWORD", "s3cret-pw-77");
        plan = Files.writeString(Files.createDirectories(dir.resolve("plan")).resolve("golive.yaml"), """
                system: shop
                environments:
                  production:
                    hosts:
                      bastion: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      was1: { address: 127.0.0.1, port: %1$d, key: %2$s }
                      was2: { address: 127.0.0.1, port: %3$d, key: %2$s, via: bastion }
                      ops: { address: local }
                    services:
                      was: { kind: process, on: [was1, was2], start: "sleep 1" }
                      db: { kind: jdbc, url: "jdbc:postgresql://127.0.0.1/shop", password: "${secret:DB_PASSWORD}" }
                """.formatted(
                        bastion.port(), key, inner.port()));
    }

    @AfterAll
    static void tearDown() {
        bastion.close();
        inner.close();
    }

    private static CliRun golive(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = args[0];
        all[1] = "-f";
        all[2] = plan.toString();
        all[3] = "--accept-new";
        System.arraycopy(args, 1, all, 4, args.length - 1);
        return CliRun.of(env, all);
    }

    @Test
    void streamsEachLineWithItsHostAndJournalsTheRun() throws Exception {
        CliRun run = golive(
                "exec", "production", "--on", "was,ops", "--as", "ana", "echo hello from $(hostname); echo warn >&2");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("hello from")))
                .hasSize(3)
                .anyMatch(l -> l.startsWith("was1 | hello from "))
                .anyMatch(l -> l.startsWith("was2 | hello from "))
                .anyMatch(l -> l.startsWith("ops | hello from "));
        assertThat(run.err()).contains("was1 | warn", "was2 | warn", "ops | warn");
        assertThat(run.out()).endsWith("ok on 3 hosts\n");
        JsonNode journal = new ObjectMapper()
                .readTree(CliRun.of(env, "journal", "--kind", "exec", "--json", "-f", plan.toString())
                        .out());
        JsonNode entry = journal.get(journal.size() - 1);
        assertThat(entry.get("actor").asText()).isEqualTo("ana");
        assertThat(entry.get("subject").asText())
                .isEqualTo("production on was1,was2,ops: echo hello from $(hostname); echo warn >&2");
        assertThat(entry.get("data").get("results").findValuesAsText("host")).containsExactly("was1", "was2", "ops");
    }

    @Test
    void exitsOneWhenAnyHostFailsAndSaysWhichAndWhy() {
        CliRun run = golive(
                "exec",
                "production",
                "--on",
                "was1",
                "--on",
                "was2",
                "--timeout",
                "2s",
                "if [ \"$SSH_CONNECTION\" != \"${SSH_CONNECTION%" + inner.port()
                        + "}\" ]; then sleep 30; else exit 3; fi");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .contains("FAIL was1: exit status 3")
                .containsPattern("FAIL was2 \\(127.0.0.1:\\d+\\): timed out after 2 s; the command was stopped")
                .contains("failed on 2 of 2 hosts: was1, was2");
    }

    @Test
    void masksSecretsInTheOutputAndRefusesUnknownTargets() {
        CliRun secret = golive("exec", "production", "--on", "ops", "echo the password is s3cret-pw-77");
        CliRun unknown = golive("exec", "production", "--on", "web", "true");
        CliRun byAddress = golive("exec", "production", "--on", "db", "true");

        assertThat(secret.out()).contains("ops | the password is ****").doesNotContain("s3cret-pw-77");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains(
                        "no service or host 'web' in production; its services are [was, db], its hosts [bastion, was1, was2, ops]");
        assertThat(byAddress.err()).contains("db is a jdbc service, reached by address: it has no hosts to run on");
    }
}
