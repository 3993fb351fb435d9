package dev.golive.cli;

import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.Plan;
import dev.golive.plan.Service;
import dev.golive.store.Store;
import dev.golive.target.Command;
import dev.golive.target.Hosts;
import dev.golive.target.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@picocli.CommandLine.Command(
        name = "exec",
        description = {
            "Run a shell command on the hosts of a service, or on named hosts, all at once.",
            "Output is streamed line by line with the host's name in front; the run is written to the journal."
        })
final class ExecCommand implements Runnable {
    private final Context context;

    @picocli.CommandLine.Mixin
    Reach reach;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String env;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The shell command (quote it).")
    List<String> words;

    @Option(
            names = "--on",
            required = true,
            split = ",",
            paramLabel = "SERVICE|HOST",
            description = "Where to run it: services (their hosts) and hosts, comma-separated or repeated.")
    List<String> on;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "How long the command may run on each host before it is stopped (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(
            names = "--sudo",
            paramLabel = "USER",
            description = "Run it as USER through sudo (default: each host's sudo:).")
    String sudo;

    ExecCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        String script = String.join(" ", words).strip();
        if (script.isEmpty()) {
            throw new UsageException("the command is empty");
        }
        Duration limit = Reach.duration("--timeout", timeout);
        if (limit.isZero()) {
            throw new UsageException("--timeout must be more than 0s");
        }
        Command command = command(script, limit);
        Plan plan = reach.plan(context);
        Environment environment = Reach.environment(plan, env);
        List<Host> hosts = hosts(environment);
        Store store = reach.store(context, plan);
        List<Result> results;
        try (Hosts reached = reach.hosts(context, plan, environment, Reach.printer(context, plan))) {
            results = reached.runAll(hosts, command);
        }
        store.journal()
                .append(
                        null,
                        "exec",
                        subject(hosts, script, results),
                        reach.actor(context),
                        Json.write(data(script, results)));
        report(plan, results);
    }

    private Command command(String script, Duration limit) {
        try {
            return Command.of(script).withTimeout(limit).asUser(sudo);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The hosts named, and those of the services named, each once, in the order given. */
    private List<Host> hosts(Environment environment) {
        Set<Host> out = new LinkedHashSet<>();
        for (String name : on) {
            String n = name.strip();
            Service service = environment.services().get(n);
            Host host = environment.hosts().get(n);
            if (service != null) {
                if (!service.kind().runsOnHosts()) {
                    throw new UsageException(n + " is a " + service.kind().word()
                            + " service, reached by address: it has no hosts to run on");
                }
                service.on().stream().map(environment.hosts()::get).forEach(out::add);
            } else if (host != null) {
                out.add(host);
            } else {
                throw new UsageException("no service or host '" + n + "' in " + environment.name()
                        + "; its services are " + environment.services().keySet() + ", its hosts "
                        + environment.hosts().keySet());
            }
        }
        return new ArrayList<>(out);
    }

    private void report(Plan plan, List<Result> results) {
        List<Result> failed = results.stream().filter(r -> !r.ok()).toList();
        for (Result r : failed) {
            context.err().println("FAIL " + plan.secrets().mask(r.summary()));
        }
        if (failed.isEmpty()) {
            context.out().println("ok on " + count(results.size()));
            return;
        }
        throw new CheckFailedException("failed on " + failed.size() + " of " + count(results.size()) + ": "
                + String.join(", ", failed.stream().map(Result::host).toList()));
    }

    private static String count(int hosts) {
        return hosts == 1 ? "1 host" : hosts + " hosts";
    }

    private String subject(List<Host> hosts, String script, List<Result> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        String where = String.join(",", hosts.stream().map(Host::name).toList());
        return env + " on " + where + ": " + script + (failed == 0 ? "" : " (failed on " + failed + ")");
    }

    private Map<String, Object> data(String script, List<Result> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", env);
        out.put("on", on);
        out.put("command", script);
        if (sudo != null) {
            out.put("sudo", sudo);
        }
        List<Map<String, Object>> each = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("host", r.host());
            one.put("ok", r.ok());
            one.put("exitStatus", r.exitStatus());
            if (r.failure() != null) {
                one.put("failure", r.failure());
            }
            one.put("millis", r.duration().toMillis());
            each.add(one);
        }
        out.put("results", each);
        return out;
    }
}
