package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.Instance;
import dev.golive.plan.Plan;
import dev.golive.plan.Secrets;
import dev.golive.plan.Service;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        description = "Print the resolved environments, hosts, services and instances (secrets masked).")
final class PlanShowCommand implements Runnable {
    private final Context context;

    @Mixin
    PlanOptions planOptions;

    @Parameters(arity = "0..1", paramLabel = "ENV", description = "Only this environment.")
    String environment;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    PlanShowCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = planOptions.load(context, planOptions.loader(context).allowingMissingSecrets());
        List<Environment> envs = selected(plan);
        Secrets secrets = plan.secrets();
        if (json) {
            Json.print(
                    context.out(),
                    envs.stream().map(e -> PlanShowCommand.json(e, secrets)).toList());
            return;
        }
        PrintWriter out = context.out();
        out.println("system " + plan.system() + " (" + planOptions.file(context) + ")");
        for (Environment e : envs) {
            print(out, e, secrets);
        }
    }

    private List<Environment> selected(Plan plan) {
        if (environment == null) {
            return plan.promotionOrder();
        }
        return List.of(plan.environment(environment)
                .orElseThrow(() -> new UsageException("no environment named '" + environment
                        + "' in the plan; defined: " + plan.environments().keySet())));
    }

    private static void print(PrintWriter out, Environment e, Secrets secrets) {
        out.println();
        out.println(
                "environment " + e.name() + (e.promoteFrom() == null ? "" : " (promoted from " + e.promoteFrom() + ")")
                        + (e.entry() == null ? "" : ", entry " + secrets.mask(e.entry())));
        Table hosts = new Table("HOST", "ADDRESS", "PORT", "USER", "VIA", "SUDO");
        e.hosts()
                .values()
                .forEach(h ->
                        hosts.row(h.name(), h.address(), h.isLocal() ? null : h.port(), h.user(), h.via(), h.sudo()));
        out.println();
        hosts.print(out);
        Table services = new Table("SERVICE", "KIND", "ON", "SURVIVABLE", "HTTP", "HEALTH", "SETTINGS");
        e.services()
                .values()
                .forEach(s -> services.row(
                        s.name(),
                        s.kind().word(),
                        s.on().isEmpty() ? null : String.join(",", s.on()),
                        s.survivable(),
                        s.httpPort(),
                        s.health(),
                        settings(s, secrets)));
        out.println();
        services.print(out);
        Table instances = new Table("INSTANCE", "TARGET");
        e.instances().forEach(i -> instances.row(i.id(), target(i)));
        if (!instances.isEmpty()) {
            out.println();
            instances.print(out);
        }
    }

    private static String target(Instance i) {
        Host h = i.host();
        String via = h.via() == null ? "" : " via " + h.via();
        String port =
                i.service().httpPort() == null ? "" : " http:" + i.service().httpPort();
        return (h.isLocal() ? "local" : h.target()) + via + port;
    }

    private static String settings(Service s, Secrets secrets) {
        List<String> parts = new ArrayList<>();
        maskedSettings(s, secrets).forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static Map<String, String> maskedSettings(Service s, Secrets secrets) {
        Map<String, String> out = new LinkedHashMap<>();
        s.settings().forEach((k, v) -> out.put(k, k.equals("password") ? Secrets.MASK : secrets.mask(v)));
        return out;
    }

    private static Map<String, Object> json(Environment e, Secrets secrets) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", e.name());
        out.put("promoteFrom", e.promoteFrom());
        out.put("entry", secrets.mask(e.entry()));
        out.put("hosts", e.hosts().values().stream().map(PlanShowCommand::json).toList());
        out.put(
                "services",
                e.services().values().stream().map(s -> json(s, secrets)).toList());
        out.put("instances", e.instances().stream().map(Instance::id).toList());
        return out;
    }

    private static Map<String, Object> json(Host h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", h.name());
        out.put("address", h.address());
        out.put("port", h.port());
        out.put("user", h.user());
        out.put("via", h.via());
        out.put("sudo", h.sudo());
        return out;
    }

    private static Map<String, Object> json(Service s, Secrets secrets) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        out.put("kind", s.kind().word());
        out.put("on", s.on());
        out.put("survivable", s.survivable());
        out.put("http", s.httpPort());
        out.put("health", s.health());
        out.put("settings", maskedSettings(s, secrets));
        return out;
    }
}
