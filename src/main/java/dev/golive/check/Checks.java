package dev.golive.check;

import dev.golive.plan.Check;
import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.target.Hosts;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the plan's readiness checks against one environment: SQL on a database, HTTP requests,
 * ports, commands on hosts, the health of every instance of a service.
 */
public final class Checks {
    private final Plan plan;
    private final Environment environment;
    private final Hosts hosts;

    public Checks(Plan plan, Environment environment, Hosts hosts) {
        this.plan = plan;
        this.environment = environment;
        this.hosts = hosts;
    }

    /** The checks that apply to this environment. */
    public List<Check> applicable() {
        return plan.checks().stream()
                .filter(c -> c.environments().isEmpty() || c.environments().contains(environment.name()))
                .toList();
    }

    /** Runs one check; a check never throws, a problem is a red result saying why. */
    public List<CheckResult> run(Check check) {
        Probe probe = switch (check.kind()) {
            case "db" -> new DbProbe(environment);
            case "http" -> new HttpProbe(environment);
            case "tcp" -> new TcpProbe();
            case "health" -> new HealthProbe(environment);
            default -> new CommandProbe(environment, hosts);
        };
        try {
            return probe.run(check);
        } catch (RuntimeException e) {
            return List.of(Probe.red(check, check.target(), e.getMessage() == null ? e.toString() : e.getMessage(), 0));
        }
    }

    /** Runs every check that applies, in plan order. */
    public List<CheckResult> runAll() {
        List<CheckResult> out = new ArrayList<>();
        applicable().forEach(c -> out.addAll(run(c)));
        return out;
    }
}
