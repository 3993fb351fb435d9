package dev.golive.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads thousands of damaged plans: each must load or fail with located problems, never with any
 * other exception. The seed is fixed, so a failure names a case that can be replayed.
 */
class PlanFuzzTest {
    private static final long SEED = 20261204L;
    private static final int CASES = 2000;
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u0085\\u2028\\u2029]");

    @TempDir
    Path dir;

    /**
     * A plan file to damage, copied into the temporary directory beside the files it includes; and
     * the plan that includes it, when it is loaded through that plan.
     */
    private record Source(Path file, String includedBy) {}

    @Test
    void damagedPlansLoadOrReportLocatedProblemsOnly() throws IOException {
        List<Source> examples = examples();
        List<Source> fixtures = fixtures();
        Random random = new Random(SEED);
        PlanMutator mutator = new PlanMutator(random);
        for (int i = 0; i < CASES; i++) {
            // Half the cases damage the example, the one plan that loads and so reaches every reader.
            List<Source> sources = random.nextBoolean() ? examples : fixtures;
            Source source = sources.get(random.nextInt(sources.size()));
            String text = Files.readString(source.file());
            byte[] damaged = damage(mutator.mutate(text), random);
            Path root = write(i, source, damaged);
            PlanLoader loader = i % 2 == 0
                    ? new PlanLoader(Fixtures.SHOP_SECRETS, null)
                    : new PlanLoader(Map.of(), null).allowingMissingSecrets();
            check(
                    loader,
                    root,
                    "case " + i + ", " + source.file().getFileName() + " damaged to:\n"
                            + new String(damaged, StandardCharsets.UTF_8));
        }
    }

    private static void check(PlanLoader loader, Path root, String description) throws IOException {
        Throwable thrown = catchThrowable(() -> loader.load(root));
        if (thrown == null) {
            return;
        }
        if (!(thrown instanceof PlanException e)) {
            fail(description, thrown);
            return;
        }
        assertThat(e.problems()).as(description).isNotEmpty();
        for (Problem p : e.problems()) {
            assertThat(p.location().line())
                    .as("line of %s in %s", p, description)
                    .isBetween(1, lineCount(p.location().file()) + 1);
            assertThat(p.location().column())
                    .as("column of %s in %s", p, description)
                    .isGreaterThanOrEqualTo(1);
        }
        assertThat(e.getMessage())
                .as(description)
                .doesNotContain("\tat ", "Exception")
                .endsWith(" in the plan");
    }

    /**
     * Writes the damaged file beside the originals, so that its includes find them, and returns the
     * file to load. A file that another includes keeps its name, in a directory of its own.
     */
    private Path write(int i, Source source, byte[] damaged) throws IOException {
        String name = source.file().getFileName().toString();
        if (source.includedBy() == null) {
            return Files.write(source.file().resolveSibling("case-" + i + "-" + name), damaged);
        }
        Path caseDir = Files.createDirectory(dir.resolve("case-" + i));
        Files.write(caseDir.resolve(name), damaged);
        Path including = source.file().resolveSibling(source.includedBy());
        return Files.copy(including, caseDir.resolve(source.includedBy()));
    }

    private static byte[] damage(String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(50) != 0 || bytes.length == 0) {
            return bytes;
        }
        bytes[random.nextInt(bytes.length)] = (byte) 0xC3;
        return bytes;
    }

    /** Lines as {@link String#lines()} counts them, but broken where YAML 1.1 breaks them: NEL, LS, PS too. */
    private static int lineCount(Path file) throws IOException {
        String[] lines = LINE_BREAK.split(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), -1);
        return lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    }

    /** The example plan; its scenarios.yaml is loaded through golive.yaml. */
    private List<Source> examples() throws IOException {
        Path shop = Files.createDirectory(dir.resolve("shop"));
        List<Source> sources = new ArrayList<>();
        for (String name : List.of("golive.yaml", "scenarios.yaml")) {
            Path copy = Files.copy(Fixtures.SHOP.resolveSibling(name), shop.resolve(name));
            sources.add(new Source(copy, name.equals("scenarios.yaml") ? "golive.yaml" : null));
        }
        return sources;
    }

    /** Every fixture, all copied into one directory as the fixtures that include others expect. */
    private List<Source> fixtures() throws IOException {
        Path plans = Files.createDirectory(dir.resolve("plans"));
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.directory())) {
            for (Path f : files.sorted().toList()) {
                sources.add(new Source(Files.copy(f, plans.resolve(f.getFileName())), null));
            }
        }
        return sources;
    }
}
