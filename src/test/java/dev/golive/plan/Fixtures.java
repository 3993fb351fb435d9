package dev.golive.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads the plan fixtures of {@code src/test/resources/plans}, one file per case. */
final class Fixtures {
    static final Path SHOP = Path.of("examples/shop/golive.yaml");
    static final Map<String, String> SHOP_SECRETS =
            Map.of("DB_PASSWORD", "pg-Pr0d-s3cret", "STG_DB_PASSWORD", "stg-pw");

    private Fixtures() {}

    /** The fixture's path; the directory of fixtures holds the files they include. */
    static Path fixture(String name) {
        URL url = Fixtures.class.getResource("/plans/" + name);
        assertThat(url).as("fixture plans/%s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory of all fixtures. */
    static Path directory() {
        return fixture("unknown-key.yaml").getParent();
    }

    static Plan load(String name) {
        return new PlanLoader(Map.of(), null).load(fixture(name));
    }

    /** The problems of a fixture that must not load. */
    static PlanException failure(String name) {
        return failure(new PlanLoader(Map.of(), null), fixture(name));
    }

    static PlanException failure(PlanLoader loader, Path file) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> loader.load(file));
        assertThat(e).as("loading %s must fail", file).isNotNull();
        return e;
    }

    /** The single problem of a fixture made to have exactly one. */
    static Problem onlyProblem(String name) {
        List<Problem> problems = failure(name).problems();
        assertThat(problems).as("problems of %s", name).hasSize(1);
        return problems.get(0);
    }

    static Problem problem(Path file, int line, int column, String path, String message) {
        return new Problem(new Location(file, line, column), path, message);
    }

    /** A problem in the named fixture, for comparing whole problems. */
    static Problem problem(String fixture, int line, int column, String path, String message) {
        return problem(fixture(fixture), line, column, path, message);
    }
}
