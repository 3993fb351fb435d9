package dev.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
    void everyCommandTakesHelp() {
        for (String command : List.of(
                "load", "check", "demo", "diag", "drill restore", "release add", "runbook resume", "user add")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.code()).as(command + ": " + run.err()).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: golive " + command + " [-h]");
            assertThat(run.err()).as(command).isEmpty();
        }
        // release add keeps its own --version
        assertThat(CliRun.of("release", "add", "-h").out()).contains("--version=V");
    }

    @Test
    void theListOfCommandsSaysWhatEachDoesInWholeSentences() {
        String out = CliRun.of("--help").out();
        List<String> summaries = new ArrayList<>();
        boolean inList = false;
        for (String line : out.lines().toList()) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList && line.startsWith("   ")) {
                summaries.set(summaries.size() - 1, summaries.getLast() + " " + line.strip());
            } else if (inList) {
                summaries.add(line.strip());
            }
        }
        assertThat(summaries).hasSizeGreaterThan(20);
        assertThat(summaries).allSatisfy(s -> assertThat(s).endsWith("."));
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
