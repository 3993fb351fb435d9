package dev.golive.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Checks that every name a plan refers to exists, and that no dependency goes in a circle. */
final class CrossReferences {
    private final Plan plan;
    private final Problems problems;

    private CrossReferences(Plan plan, Problems problems) {
        this.plan = plan;
        this.problems = problems;
    }

    static void check(Plan plan, Problems problems) {
        CrossReferences x = new CrossReferences(plan, problems);
        x.environments();
        x.checks();
        x.scenarios();
        x.loadTests();
        x.drills();
        plan.runbooks().values().forEach(x::runbook);
    }

    private void environments() {
        for (Environment env : plan.environments().values()) {
            String path = "environments." + env.name();
            if (env.promoteFrom() != null) {
                exists(
                        env.location(),
                        path + ".promoteFrom",
                        "environment",
                        env.promoteFrom(),
                        plan.environments().keySet());
            }
            cycle(env.location(), path + ".promoteFrom", "promotion", env.name(), n -> {
                Environment e = plan.environments().get(n);
                return e == null || e.promoteFrom() == null ? List.of() : List.of(e.promoteFrom());
            });
            promotion(env, path + ".promoteAfter");
            env.hosts().values().forEach(h -> host(env, h));
            env.services().values().forEach(s -> service(env, s));
        }
    }

    private void promotion(Environment env, String path) {
        Promotion p = env.promoteAfter();
        Location at = p.location() == null ? env.location() : p.location();
        if (p.smoke() != null) {
            exists(at, path + ".smoke", "scenario", p.smoke(), plan.scenarios().keySet());
        }
        if (p.loadTest() != null) {
            exists(
                    at,
                    path + ".loadtest",
                    "load test",
                    p.loadTest(),
                    plan.loadTests().keySet());
        }
    }

    private void host(Environment env, Host h) {
        String path = "environments." + env.name() + ".hosts." + h.name();
        if (h.via() == null) {
            return;
        }
        if (exists(h.location(), path + ".via", "host", h.via(), env.hosts().keySet())) {
            cycle(h.location(), path + ".via", "jump host", h.name(), n -> {
                Host x = env.hosts().get(n);
                return x == null || x.via() == null ? List.of() : List.of(x.via());
            });
        }
    }

    private void service(Environment env, Service s) {
        String path = "environments." + env.name() + ".services." + s.name();
        if (s.deployment().smoke() != null) {
            exists(
                    s.deployment().location() == null
                            ? s.location()
                            : s.deployment().location(),
                    path + ".deploy.smoke",
                    "scenario",
                    s.deployment().smoke(),
                    plan.scenarios().keySet());
        }
        for (String h : s.on()) {
            exists(s.location(), path + ".on", "host", h, env.hosts().keySet());
        }
        int instances = s.on().size();
        if (s.kind().runsOnHosts() && s.survivable() > 0 && s.survivable() >= instances) {
            problems.add(
                    s.location(),
                    path + ".survivable",
                    "survivable is " + s.survivable() + " but the service has "
                            + instances + (instances == 1 ? " instance" : " instances")
                            + "; at least one must survive, so survivable must be below " + instances);
        }
    }

    private void checks() {
        for (int i = 0; i < plan.checks().size(); i++) {
            Check c = plan.checks().get(i);
            String path = "checks[" + i + "]";
            c.environments()
                    .forEach(e -> exists(
                            c.location(),
                            path + ".env",
                            "environment",
                            e,
                            plan.environments().keySet()));
            if (c.service() != null) {
                exists(c.location(), path + ".service", "service", c.service(), allServices());
            }
            if (c.kind().equals("health")) {
                exists(c.location(), path + ".health", "service", c.target(), allServices());
            }
            c.on().forEach(h -> exists(c.location(), path + ".on", "host", h, allHosts()));
        }
    }

    private void scenarios() {
        for (Scenario s : plan.scenarios().values()) {
            requests(s.steps(), Paths.child(Paths.child("scenarios", s.name()), "steps"));
        }
    }

    /** A {@code service:NAME/path} URL must name an http service of some environment. */
    private void requests(List<Step> steps, String path) {
        for (int i = 0; i < steps.size(); i++) {
            String at = Paths.index(path, i);
            switch (steps.get(i)) {
                case Step.Request r
                when r.service() != null ->
                    exists(
                            r.location(),
                            Paths.child(at, r.method().toLowerCase(java.util.Locale.ROOT)),
                            "http service",
                            r.service(),
                            httpServices());
                case Step.Transaction t -> requests(t.steps(), Paths.child(at, "steps"));
                default -> {}
            }
        }
    }

    private void loadTests() {
        for (LoadTest t : plan.loadTests().values()) {
            String path = "loadtests." + t.name();
            t.mix()
                    .keySet()
                    .forEach(s -> exists(
                            t.location(),
                            path + ".mix",
                            "scenario",
                            s,
                            plan.scenarios().keySet()));
            if (t.capture() != null) {
                t.capture()
                        .services()
                        .forEach(s -> exists(t.location(), path + ".capture.services", "service", s, allServices()));
            }
            Set<String> transactions = new LinkedHashSet<>();
            t.mix().keySet().stream()
                    .map(plan.scenarios()::get)
                    .filter(java.util.Objects::nonNull)
                    .forEach(s -> transactions.addAll(s.transactions()));
            t.transactionTargets()
                    .keySet()
                    .forEach(tx -> exists(t.location(), path + ".transactions", "transaction", tx, transactions));
        }
    }

    private void drills() {
        for (Drill d : plan.drills().values()) {
            String path = "drills." + d.name();
            exists(
                    d.location(),
                    path + ".load.scenario",
                    "scenario",
                    d.scenario(),
                    plan.scenarios().keySet());
            Drill.Fault f = d.fault();
            if (f.service() != null) {
                exists(d.location(), path + ".fault." + f.kind(), "service", f.service(), allServices());
                faultable(d, path + ".fault." + f.kind());
            }
            if (f.host() != null) {
                exists(d.location(), path + ".fault.host", "host", f.host(), allHosts());
            }
            f.instances().forEach(h -> exists(d.location(), path + ".fault.instances", "host", h, allHosts()));
        }
    }

    /** A fault is done to processes on hosts; a block needs the port to drop. */
    private void faultable(Drill d, String path) {
        Drill.Fault f = d.fault();
        for (Environment env : plan.environments().values()) {
            Service s = env.services().get(f.service());
            if (s == null) {
                continue;
            }
            if (!s.kind().runsOnHosts()) {
                problems.add(
                        d.location(),
                        path,
                        "service " + s.name() + " in " + env.name() + " is a "
                                + s.kind().word()
                                + " service, reached by address; a drill faults services that run on hosts");
                return;
            }
            if (f.kind().equals("block") && s.httpPort() == null) {
                problems.add(
                        d.location(),
                        path,
                        "service " + s.name() + " in " + env.name()
                                + " has no http: port, so there is no traffic to block; give it http:");
                return;
            }
        }
    }

    private void runbook(Runbook r) {
        checkSteps(r, r.steps(), "steps");
        checkSteps(r, r.rollback(), "rollback");
    }

    private void checkSteps(Runbook r, List<Runbook.RunbookStep> steps, String section) {
        Map<String, Runbook.RunbookStep> byId = new java.util.LinkedHashMap<>();
        steps.forEach(s -> byId.putIfAbsent(s.id(), s));
        for (Runbook.RunbookStep s : steps) {
            String path = "runbooks." + r.name() + "." + section + "." + s.id();
            s.after().forEach(a -> exists(s.location(), path + ".after", "step", a, byId.keySet()));
            cycle(s.location(), path + ".after", "step", s.id(), n -> {
                Runbook.RunbookStep x = byId.get(n);
                return x == null ? List.of() : x.after();
            });
            stepTarget(s, path);
        }
    }

    private void stepTarget(Runbook.RunbookStep s, String path) {
        switch (s.kind()) {
            case "smoke" ->
                exists(
                        s.location(),
                        path + ".smoke",
                        "scenario",
                        s.target(),
                        plan.scenarios().keySet());
            case "load" ->
                exists(
                        s.location(),
                        path + ".load",
                        "load test",
                        s.target(),
                        plan.loadTests().keySet());
            case "drill" ->
                exists(
                        s.location(),
                        path + ".drill",
                        "drill",
                        s.target(),
                        plan.drills().keySet());
            case "check" -> {
                if (!s.target().equals("all")) {
                    exists(
                            s.location(),
                            path + ".check",
                            "check",
                            s.target(),
                            plan.checks().stream().map(Check::name).toList());
                }
            }
            default -> {}
        }
        if (s.kind().equals("gate") && !plan.people().isEmpty()) {
            s.approvers()
                    .forEach(a -> exists(s.location(), path + ".approvers", "person or role", a, peopleAndRoles()));
        }
        String until = s.options().get("until");
        if (until != null) {
            exists(
                    s.location(),
                    path + ".until",
                    "check",
                    until,
                    plan.checks().stream().map(Check::name).toList());
        }
        for (String key : List.of("to", "env")) {
            String env = s.options().get(key);
            if (env != null) {
                exists(
                        s.location(),
                        path + "." + key,
                        "environment",
                        env,
                        plan.environments().keySet());
            }
        }
    }

    private boolean exists(Location at, String path, String what, String name, Collection<String> valid) {
        if (valid.contains(name)) {
            return true;
        }
        String hint = Suggest.closest(name, valid);
        problems.add(
                at,
                path,
                "no " + what + " named '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + (valid.isEmpty() ? "; none is defined" : "; defined: " + new ArrayList<>(valid)));
        return false;
    }

    /** Reports when following edges from start leads back to start. */
    private void cycle(Location at, String path, String what, String start, Function<String, List<String>> edges) {
        List<String> trail = new ArrayList<>();
        if (reaches(start, start, edges, new HashSet<>(), trail)) {
            problems.add(
                    at, path, what + " dependencies go in a circle: " + start + " -> " + String.join(" -> ", trail));
        }
    }

    private boolean reaches(
            String goal, String from, Function<String, List<String>> edges, Set<String> seen, List<String> trail) {
        for (String next : edges.apply(from)) {
            trail.add(next);
            if (next.equals(goal) || (seen.add(next) && reaches(goal, next, edges, seen, trail))) {
                return true;
            }
            trail.remove(trail.size() - 1);
        }
        return false;
    }

    private Set<String> peopleAndRoles() {
        Set<String> out = new LinkedHashSet<>(plan.people().keySet());
        plan.people().values().forEach(out::addAll);
        return out;
    }

    private Set<String> allServices() {
        Set<String> out = new LinkedHashSet<>();
        plan.environments().values().forEach(e -> out.addAll(e.services().keySet()));
        return out;
    }

    private Set<String> httpServices() {
        Set<String> out = new LinkedHashSet<>();
        plan.environments()
                .values()
                .forEach(e -> e.services().values().stream()
                        .filter(s -> s.kind() == ServiceKind.HTTP)
                        .forEach(s -> out.add(s.name())));
        return out;
    }

    private Set<String> allHosts() {
        Set<String> out = new LinkedHashSet<>();
        plan.environments().values().forEach(e -> out.addAll(e.hosts().keySet()));
        return out;
    }
}
