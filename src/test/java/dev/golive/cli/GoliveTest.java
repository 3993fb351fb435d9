package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoliveTest {
    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("golive ").contains("Java ");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(CliRun.of("validate", "--bogus").code()).isEqualTo(2);
    }

    @Test
    void completionScriptCoversSubcommands() {
        CliRun run = CliRun.of("completion");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("complete -F").contains("validate").contains("journal");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("help");

        assertThat(run.out())
                .contains("validate")
                .contains("plan")
                .contains("journal")
                .contains("Exit codes");
    }
}
