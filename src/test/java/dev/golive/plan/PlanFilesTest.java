package dev.golive.plan;

import static dev.golive.plan.Fixtures.failure;
import static dev.golive.plan.Fixtures.fixture;
import static dev.golive.plan.Fixtures.load;
import static dev.golive.plan.Fixtures.onlyProblem;
import static dev.golive.plan.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files and their includes. */
class PlanFilesTest {
    @TempDir
    Path dir;

    @Test
    void rejectsIncludeOfMissingFile() {
        Path missing = fixture("include-missing.yaml").resolveSibling("scenarios-missing.yaml");

        assertThat(onlyProblem("include-missing.yaml"))
                .isEqualTo(problem(
                        "include-missing.yaml", 3, 5, "include[0]", "included file " + missing + " does not exist"));
    }

    @Test
    void rejectsIncludeThatComesBackToItself() {
        Path plan = fixture("include-cycle.yaml");
        Path back = fixture("include-cycle-back.yaml");

        assertThat(onlyProblem("include-cycle.yaml"))
                .isEqualTo(problem(
                        back,
                        2,
                        11,
                        "include[0]",
                        "include goes in a circle: " + plan + " includes itself through [" + plan + ", " + back + "]"));
    }

    @Test
    void rejectsIncludeOfAFileNameNoFileCanHave() {
        assertThat(onlyProblem("include-bad-file-name.yaml"))
                .isEqualTo(problem(
                        "include-bad-file-name.yaml",
                        3,
                        5,
                        "include[0]",
                        "bad file name 'scenarios\0.yaml': Nul character not allowed"));
    }

    @Test
    void rejectsNameDefinedInTwoFiles() {
        assertThat(onlyProblem("duplicate-across-includes.yaml"))
                .isEqualTo(problem(
                        fixture("duplicate-across-includes-scenarios.yaml"),
                        6,
                        3,
                        "scenarios.browse",
                        "'browse' is defined twice; first at " + fixture("duplicate-across-includes.yaml") + ":4:3"));
    }

    @Test
    void rejectsTopLevelValueGivenInTwoFiles() {
        assertThat(onlyProblem("include-gives-system-twice.yaml"))
                .isEqualTo(problem(
                        fixture("include-gives-system-twice-other.yaml"),
                        2,
                        1,
                        "system",
                        "'system' is given twice; first at " + fixture("include-gives-system-twice.yaml") + ":1:1"));
    }

    @Test
    void joinsChecksOfIncludedFilesInOrder() {
        Plan plan = load("include-checks.yaml");

        assertThat(plan.checks())
                .extracting(Check::name)
                .containsExactly("shop home page", "search answers", "database port open");
        assertThat(plan.checks().get(2).location().file()).isEqualTo(fixture("include-checks-more.yaml"));
    }

    @Test
    void mergesScenariosOfTheExampleInclude() {
        Plan plan = new PlanLoader(Fixtures.SHOP_SECRETS, null).load(Fixtures.SHOP);

        assertThat(plan.scenarios()).containsOnlyKeys("order", "browse");
        assertThat(plan.scenarios().get("order").location().file())
                .isEqualTo(Fixtures.SHOP.resolveSibling("scenarios.yaml"));
    }

    @Test
    void rejectsPlanFileThatDoesNotExist() {
        Path missing = dir.resolve("golive.yaml");

        assertThat(failure(new PlanLoader(Map.of(), null), missing).problems())
                .containsExactly(problem(missing, 1, 1, "", "plan file " + missing + " does not exist"));
    }

    @Test
    void rejectsPlanFileThatIsNotUtf8() throws IOException {
        Path latin1 = Files.write(dir.resolve("golive.yaml"), new byte[] {'s', 'y', 's', ':', ' ', (byte) 0xE9, '\n'});

        assertThat(failure(new PlanLoader(Map.of(), null), latin1).problems())
                .containsExactly(problem(latin1, 1, 1, "", "plan file " + latin1 + " is not UTF-8 text"));
    }
}
