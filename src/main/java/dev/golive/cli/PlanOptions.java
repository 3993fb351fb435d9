package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which plan to load: {@code -f PLAN} and {@code --secrets FILE}. */
final class PlanOptions {
    static final String DEFAULT_PLAN = "golive.yaml";

    @Option(
            names = {"-f", "--plan"},
            paramLabel = "PLAN",
            description = "The plan file (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_PLAN)
    String plan = DEFAULT_PLAN;

    @Option(names = "--secrets", paramLabel = "FILE", description = "A private file of NAME=value secrets.")
    String secrets;

    Path file(Context context) {
        return context.resolve(plan);
    }

    PlanLoader loader(Context context) {
        return new PlanLoader(context.env(), secrets == null ? null : context.resolve(secrets));
    }

    Plan load(Context context) {
        return load(context, loader(context));
    }

    Plan load(Context context, PlanLoader loader) {
        Path file = file(context);
        if (!Files.exists(file)) {
            throw new UsageException(
                    "no plan at " + file + ": give one with -f PLAN, or see examples/shop/golive.yaml");
        }
        return loader.load(file);
    }
}
