package dev.golive.plan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Finds the secrets file (given on the command line, or the plan's {@code secrets:} key) and reads
 * it once, the first time a {@code ${secret:…}} needs it; a file that cannot be used is reported.
 */
final class SecretsSource {
    private final Path given;
    private final Node.Mapping plan;
    private final Path planFile;
    private final Problems problems;
    private SecretsFile loaded;
    private boolean tried;

    SecretsSource(Path given, Node.Mapping plan, Path planFile, Problems problems) {
        this.given = given;
        this.plan = plan;
        this.planFile = planFile;
        this.problems = problems;
    }

    SecretsFile get() {
        if (!tried) {
            tried = true;
            loaded = load();
        }
        return loaded;
    }

    private SecretsFile load() {
        Node.Entry entry = plan.entries().get("secrets");
        Location at = entry == null ? plan.location() : entry.value().location();
        Path file = given;
        if (file == null && entry != null && entry.value() instanceof Node.Scalar s) {
            file = PlanLoader.resolve(planFile, s.text(), at, "secrets", problems);
        }
        if (file == null) {
            return SecretsFile.empty();
        }
        try {
            return SecretsFile.read(file);
        } catch (IOException e) {
            problems.add(at, "secrets", e.getMessage());
            return SecretsFile.empty();
        }
    }
}
