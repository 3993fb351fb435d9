package dev.golive.cli;

import dev.golive.plan.Durations;
import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.store.Store;
import dev.golive.target.HostKeyPolicy;
import dev.golive.target.Hosts;
import dev.golive.target.OutputListener;
import dev.golive.target.Passphrases;
import dev.golive.target.SshSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of commands that reach an environment's hosts: the workspace, and how SSH behaves.
 * These commands act on the system, so a plan with a secret that cannot be resolved is refused.
 */
final class Reach {
    @Mixin
    Workspace workspace;

    @Option(
            names = "--accept-new",
            description = "Trust and remember host keys seen for the first time (never changed ones).")
    boolean acceptNew;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "15s",
            description = "How long connecting to one host may take (default ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many hosts are worked on at once (default ${DEFAULT-VALUE}).")
    int parallel;

    /** The plan, every secret resolved. */
    Plan plan(Context context) {
        return workspace.planOptions.load(context);
    }

    Store store(Context context, Plan plan) {
        return workspace.open(context, plan);
    }

    String actor(Context context) {
        return workspace.actor(context);
    }

    static Environment environment(Plan plan, String name) {
        return plan.environment(name)
                .orElseThrow(() -> new UsageException("no environment '" + name + "' in the plan; its environments are "
                        + plan.environments().keySet()));
    }

    Hosts hosts(Context context, Plan plan, Environment environment, OutputListener listener) {
        if (parallel < 1) {
            throw new UsageException("--parallel must be at least 1");
        }
        return new Hosts(environment.hosts(), settings(context, plan), listener);
    }

    /** The user's SSH set-up, read from the command's environment: HOME, SSH_AUTH_SOCK, the passphrase. */
    private SshSettings settings(Context context, Plan plan) {
        Map<String, String> env = context.env();
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String agent = env.get("SSH_AUTH_SOCK");
        return new SshSettings(
                Path.of(home),
                plan.directory(),
                acceptNew ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.STRICT,
                Passphrases.fromEnvironment(env),
                agent == null || agent.isBlank() ? null : Path.of(agent),
                System.getProperty("user.name"),
                duration("--connect-timeout", connectTimeout),
                parallel);
    }

    static Duration duration(String option, String text) {
        Duration d = Durations.parse(text.strip());
        if (d == null || d.isNegative()) {
            throw new UsageException("bad " + option + " '" + text + "': give a duration like 500ms, 30s or 2m");
        }
        return d;
    }

    /** Prints {@code host | line}, standard error to the error stream, with secrets masked. */
    static OutputListener printer(Context context, Plan plan) {
        return (host, error, line) -> (error ? context.err() : context.out())
                .println(host + " | " + plan.secrets().mask(line));
    }
}
