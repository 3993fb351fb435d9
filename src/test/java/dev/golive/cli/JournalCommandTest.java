package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {
    @TempDir
    Path dir;

    private String plan;

    @BeforeEach
    void writePlan() throws IOException {
        Path file = dir.resolve("golive.yaml");
        Files.writeString(file, """
                system: shop
                environments:
                  production:
                    services:
                      db: { kind: jdbc, url: "jdbc:postgresql://db/shop", password: "${secret:DB_PASSWORD}" }
                """);
        plan = file.toString();
    }

    @Test
    void noteIsListedWithTheActorFromAs() {
        CliRun note = CliRun.of("note", "called", "the", "DBA", "--as", "architect", "-f", plan);
        CliRun list = CliRun.of("journal", "-f", plan);

        assertThat(note.code()).isZero();
        assertThat(note.out()).isEqualTo("noted as #1 by architect\n");
        assertThat(list.out())
                .containsPattern("1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +- +note +architect +called the DBA");
        assertThat(Files.exists(dir.resolve(".golive"))).isTrue();
    }

    @Test
    void actorComesFromGoliveUserWhenNotGiven() {
        CliRun note = CliRun.of(Map.of("GOLIVE_USER", "night-ops"), "note", "hello", "-f", plan);

        assertThat(note.out()).contains("by night-ops");
    }

    @Test
    void secretsNeverReachTheJournal() throws IOException {
        Map<String, String> env = Map.of("DB_PASSWORD", "s3cret-pw");
        CliRun.of(env, "note", "the password s3cret-pw was rotated", "-f", plan);

        CliRun json = CliRun.of(env, "journal", "--json", "-f", plan);

        assertThat(json.out()).doesNotContain("s3cret-pw").contains("the password **** was rotated");
    }

    @Test
    void filtersByKindAndLimit() throws IOException {
        CliRun.of("note", "one", "-f", plan);
        CliRun.of("note", "two", "-f", plan);

        JsonNode newest =
                parse(CliRun.of("journal", "--json", "--limit", "1", "-f", plan).out());
        JsonNode none = parse(CliRun.of("journal", "--json", "--kind", "deploy.started", "-f", plan)
                .out());

        assertThat(newest).hasSize(1);
        assertThat(newest.get(0).get("subject").asText()).isEqualTo("two");
        assertThat(none).isEmpty();
    }

    @Test
    void sinceTakesAnAgeAndRejectsNonsense() {
        CliRun.of("note", "recent", "-f", plan);

        assertThat(CliRun.of("journal", "--since", "10m", "-f", plan).out()).contains("recent");
        assertThat(CliRun.of("journal", "--since", "2999-01-01", "-f", plan).out())
                .contains("no matching entries");
        CliRun bad = CliRun.of("journal", "--since", "yesterday-ish", "-f", plan);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bad --since 'yesterday-ish'");
    }

    @Test
    void noteOnAnUnknownRunIsRefused() {
        CliRun run = CliRun.of("note", "x", "--run", "2026-01-01-999", "-f", plan);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no run with id '2026-01-01-999'");
    }

    private static JsonNode parse(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
