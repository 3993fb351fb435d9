package dev.golive.check;

import dev.golive.plan.Check;
import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.Service;
import dev.golive.target.Command;
import dev.golive.target.Hosts;
import dev.golive.target.Result;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code command: SHELL} on hosts ({@code on:}) or a service's hosts: exit 0, and the output judged. */
final class CommandProbe implements Probe {
    private final Environment environment;
    private final Hosts hosts;

    CommandProbe(Environment environment, Hosts hosts) {
        this.environment = environment;
        this.hosts = hosts;
    }

    @Override
    public List<CheckResult> run(Check check) {
        List<Host> on = targets(check);
        List<Result> results = hosts.runAll(on, Command.of(check.target()).withTimeout(check.timeout()));
        List<CheckResult> out = new ArrayList<>();
        for (Result r : results) {
            long start = System.nanoTime() - r.duration().toNanos();
            out.add(
                    r.ok()
                            ? Probe.judged(check, r.host(), r.stdout(), "exit status 0", start)
                            : Probe.red(check, r.host(), r.summary(), start));
        }
        return out;
    }

    private List<Host> targets(Check check) {
        Set<Host> out = new LinkedHashSet<>();
        for (String name : check.on()) {
            Host h = environment.hosts().get(name);
            if (h == null) {
                throw new IllegalArgumentException(
                        "environment " + environment.name() + " has no host named '" + name + "'");
            }
            out.add(h);
        }
        if (check.service() != null) {
            Service s = environment.services().get(check.service());
            if (s == null) {
                throw new IllegalArgumentException(
                        "environment " + environment.name() + " has no service named '" + check.service() + "'");
            }
            s.on().stream().map(environment.hosts()::get).forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "check '" + check.name() + "' runs a command: name its hosts with on: or service:");
        }
        return new ArrayList<>(out);
    }
}
