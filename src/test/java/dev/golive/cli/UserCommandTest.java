package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
    private static final Map<String, String> ENV = Map.of("GOLIVE_USER", "root");

    @TempDir
    Path dir;

    String plan;

    @BeforeEach
    void writePlan() throws IOException {
        plan = Files.writeString(dir.resolve("golive.yaml"), """
                        system: war-room
                        people: { maria: [pm] }
                        environments:
                          production: { hosts: { app1: { address: local } } }
                        """).toString();
    }

    @Test
    void usersAreAddedListedChangedAndRemovedWithTheJournalSayingWho() {
        CliRun add =
                CliRun.withInput("a-long-password\n", ENV, "user", "add", "maria", "--role", "approver", "-f", plan);
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added maria as approver.");
        assertThat(add.out() + add.err()).doesNotContain("a-long-password");

        CliRun list = CliRun.of(ENV, "user", "list", "-f", plan);
        assertThat(list.out()).contains("maria", "approver", "root");

        assertThat(CliRun.of(ENV, "user", "role", "maria", "viewer", "-f", plan).out())
                .contains("maria is now viewer.");
        assertThat(CliRun.withInput("another-long-one\n", ENV, "user", "password", "maria", "-f", plan)
                        .code())
                .isZero();
        assertThat(CliRun.of(ENV, "user", "remove", "maria", "-f", plan).out()).contains("Removed maria.");
        assertThat(CliRun.of(ENV, "user", "list", "-f", plan).out()).contains("No dashboard users yet");

        CliRun journal = CliRun.of(ENV, "journal", "-f", plan);
        assertThat(journal.out()).contains("user.added", "user.role", "user.password", "user.removed");
        assertThat(journal.out()).doesNotContain("a-long-password").doesNotContain("another-long-one");
    }

    @Test
    void badInputIsRefusedClearly() {
        CliRun role = CliRun.withInput("a-long-password\n", ENV, "user", "add", "maria", "--role", "boss", "-f", plan);
        assertThat(role.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(role.err()).contains("no role 'boss'; the roles are viewer, operator, approver, admin");

        CliRun shortPassword = CliRun.withInput("short\n", ENV, "user", "add", "maria", "--role", "viewer", "-f", plan);
        assertThat(shortPassword.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortPassword.err()).contains("at least 10 characters");

        CliRun noPassword = CliRun.of(ENV, "user", "add", "maria", "--role", "viewer", "-f", plan);
        assertThat(noPassword.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPassword.err()).contains("give the password on standard input");

        CliRun badName =
                CliRun.withInput("a-long-password\n", ENV, "user", "add", "ma ria", "--role", "viewer", "-f", plan);
        assertThat(badName.code()).isEqualTo(ExitCodes.USAGE);

        CliRun.withInput("a-long-password\n", ENV, "user", "add", "maria", "--role", "viewer", "-f", plan);
        CliRun twice =
                CliRun.withInput("a-long-password\n", ENV, "user", "add", "maria", "--role", "admin", "-f", plan);
        assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("user maria exists already");

        CliRun unknown = CliRun.of(ENV, "user", "remove", "kenji", "-f", plan);
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no dashboard user kenji");
    }

    @Test
    void serveRefusesPlainHttpBeyondLoopback() {
        CliRun serve = CliRun.of(ENV, "serve", "--bind", "0.0.0.0", "--port", "0", "-f", plan);
        assertThat(serve.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(serve.err()).contains("serving on 0.0.0.0", "--tls-keystore", "--insecure-http");
        CliRun noKeystore = CliRun.of(
                ENV, "serve", "--tls-keystore", dir.resolve("none.p12").toString(), "-f", plan);
        assertThat(noKeystore.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noKeystore.err()).contains("no keystore file");
    }
}
