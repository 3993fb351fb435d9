package dev.golive.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.plan.PlanLoader;
import dev.golive.plan.Scenario;
import dev.golive.plan.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The recordings of {@code src/test/resources/har}, imported, and their scenarios loaded as golive loads them. */
final class Recordings {
    private Recordings() {}

    static Path har(String name) {
        URL url = Recordings.class.getResource("/har/" + name);
        assertThat(url).as("fixture har/%s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportOptions options() {
        return new ImportOptions("flow", false, false, List.of(), null);
    }

    static Imported imported(String name) {
        return RecordImport.run(har(name), options());
    }

    static Imported imported(String name, ImportOptions options) {
        return RecordImport.run(har(name), options);
    }

    static ImportOptions dropping(String... patterns) {
        return new ImportOptions(
                "flow",
                false,
                false,
                List.of(patterns).stream().map(Pattern::compile).toList(),
                null);
    }

    /** The scenario as golive's plan loader reads it, from a plan that includes the imported file. */
    static Scenario load(Path dir, Imported imported) {
        try {
            Files.writeString(dir.resolve("flow.yaml"), imported.yaml());
            Path plan = Files.writeString(dir.resolve("golive.yaml"), """
                    system: shop
                    include: flow.yaml
                    environments:
                      test: { entry: "http://127.0.0.1:1" }
                    """);
            return new PlanLoader(Map.of(), null)
                    .allowingMissingSecrets()
                    .load(plan)
                    .scenarios()
                    .get("flow");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request steps of a scenario, without think times. */
    static List<Step.Request> requests(Scenario scenario) {
        return scenario.steps().stream()
                .filter(Step.Request.class::isInstance)
                .map(Step.Request.class::cast)
                .toList();
    }
}
