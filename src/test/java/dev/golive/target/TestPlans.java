package dev.golive.target;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.plan.PlanLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Plans written by tests (their ports are only known at run time), loaded as golive loads them. */
final class TestPlans {
    private TestPlans() {}

    static Plan load(Path directory, String yaml) {
        try {
            Path file = Files.writeString(directory.resolve("golive.yaml"), yaml);
            return new PlanLoader(Map.of(), null).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Environment environment(Path directory, String yaml) {
        return load(directory, yaml).environment("test").orElseThrow();
    }

    /** Runs {@code action} on the instances {@code spec} names, trusting the test's hosts. */
    static List<ServiceOutcome> act(
            Environment env, Path home, Path planDir, String spec, String action, ServiceOptions options) {
        try (Hosts hosts = new Hosts(env.hosts(), Settings.trusting(home, planDir), OutputListener.NONE)) {
            Services services = new Services(env, hosts);
            return services.run(services.select(spec), ServiceAction.of(action), options);
        }
    }
}
