package dev.golive.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated plan: the whole description of one system. Load one with {@link
 * PlanLoader}.
 *
 * <p>Top-level keys: {@code system} (required, the system's name), {@code store} (a JDBC URL of
 * the team store; omitted: an embedded database in {@code .golive/} beside the plan), {@code
 * artifacts} (the directory releases are kept in, shared by the team; omitted: {@code
 * .golive/artifacts/} beside the plan), {@code
 * secrets} (a secrets file), {@code include} (other plan files merged into this one), {@code
 * people} (who holds which roles, for runbook owners and gate approvers), {@code environments},
 * {@code checks}, {@code scenarios}, {@code loadtests}, {@code drills}, {@code runbooks}.
 *
 * @param system the system's name
 * @param file the main plan file
 * @param store the store's JDBC URL, or null for the embedded default
 * @param people each person's roles ({@code alice: [pm]}), by name
 * @param environments environments by name, in file order
 * @param checks readiness checks, in file order
 * @param scenarios business flows by name
 * @param loadTests load tests by name
 * @param drills availability drills by name
 * @param runbooks runbooks by name
 * @param secrets the secret values resolved while loading, for masking
 * @param artifacts the release directory as written in the plan, or null for the default
 */
public record Plan(
        String system,
        Path file,
        String store,
        Map<String, List<String>> people,
        Map<String, Environment> environments,
        List<Check> checks,
        Map<String, Scenario> scenarios,
        Map<String, LoadTest> loadTests,
        Map<String, Drill> drills,
        Map<String, Runbook> runbooks,
        Secrets secrets,
        String artifacts) {
    public Plan {
        if (system == null || system.isBlank()) {
            throw new IllegalArgumentException("system is required");
        }
        people = Maps.copy(people);
        environments = Maps.copy(environments);
        checks = List.copyOf(checks);
        scenarios = Maps.copy(scenarios);
        loadTests = Maps.copy(loadTests);
        drills = Maps.copy(drills);
        runbooks = Maps.copy(runbooks);
        secrets = secrets == null ? Secrets.none() : secrets;
    }

    /** A plan that keeps its releases in the default directory. */
    public Plan(
            String system,
            Path file,
            String store,
            Map<String, List<String>> people,
            Map<String, Environment> environments,
            List<Check> checks,
            Map<String, Scenario> scenarios,
            Map<String, LoadTest> loadTests,
            Map<String, Drill> drills,
            Map<String, Runbook> runbooks,
            Secrets secrets) {
        this(system, file, store, people, environments, checks, scenarios, loadTests, drills, runbooks, secrets, null);
    }

    /** Where releases are kept: {@code artifacts:} resolved from the plan's directory, or {@code .golive/artifacts}. */
    public Path artifactDirectory() {
        return artifacts == null
                ? directory().resolve(".golive/artifacts")
                : directory().resolve(artifacts).normalize();
    }

    /** True when {@code person} is {@code who} by name, or holds {@code who} as a role. */
    public boolean answersFor(String person, String who) {
        return person.equals(who) || people.getOrDefault(person, List.of()).contains(who);
    }

    /** The directory of the main plan file; relative paths in the plan are resolved from it. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public Optional<Environment> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    /** Environments in promotion order: each one after the one it is promoted from. */
    public List<Environment> promotionOrder() {
        Map<String, Environment> left = new LinkedHashMap<>(environments);
        List<Environment> out = new ArrayList<>();
        while (!left.isEmpty()) {
            int before = out.size();
            for (Environment e : List.copyOf(left.values())) {
                boolean ready = e.promoteFrom() == null || !left.containsKey(e.promoteFrom());
                if (ready) {
                    out.add(e);
                    left.remove(e.name());
                }
            }
            if (out.size() == before) {
                out.addAll(left.values());
                break;
            }
        }
        return out;
    }
}
