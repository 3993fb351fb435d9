package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of commands that act and record: which plan, which store ({@code --store}) and who
 * is acting ({@code --as}). Opens the store named by the option, else by the plan's {@code
 * store:}, else the embedded one beside the plan.
 */
final class Workspace {
    static final String USER_VARIABLE = "GOLIVE_USER";

    @Mixin
    PlanOptions planOptions;

    @Option(names = "--store", paramLabel = "URL", description = "A PostgreSQL JDBC URL of the team store.")
    String store;

    @Option(
            names = "--as",
            paramLabel = "NAME",
            description = "Who is acting, for the journal (default: $GOLIVE_USER, else the OS user).")
    String actor;

    /** The plan; secrets that cannot be resolved are tolerated unless the store needs them. */
    Plan plan(Context context) {
        Plan plan = planOptions.load(context, planOptions.loader(context).allowingMissingSecrets());
        plan.secrets().missing().stream()
                .filter(m -> m.contains(": store: "))
                .findFirst()
                .ifPresent(m -> {
                    throw new UsageException(m + "; the store cannot be opened without it");
                });
        return plan;
    }

    /** The named environment of the plan, or a usage error listing the ones it has. */
    static Environment environment(Plan plan, String name) {
        return plan.environment(name)
                .orElseThrow(() -> new UsageException("no environment '" + name + "' in the plan; expected one of "
                        + plan.environments().keySet()));
    }

    Store open(Context context, Plan plan) {
        String url = store != null ? store : plan.store();
        return Store.open(url, plan.directory(), plan.secrets().masker());
    }

    String actor(Context context) {
        if (actor != null && !actor.isBlank()) {
            return actor.strip();
        }
        String fromEnv = context.env().get(USER_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return System.getProperty("user.name", "unknown");
    }
}
