package dev.golive.runbook;

import dev.golive.plan.Environment;
import dev.golive.plan.Host;
import dev.golive.plan.Service;
import dev.golive.target.Command;
import dev.golive.target.Result;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code command: SHELL} with {@code on: hosts or services}: runs the command on every named host
 * (a service stands for the hosts it runs on), in parallel; the step fails if any host fails.
 */
final class CommandAction implements StepAction {
    private static final int EVIDENCE_CHARS = 4000;

    @Override
    public Outcome run(StepDef step, ActionContext context) {
        List<Host> hosts = hosts(step, context.environment());
        List<Result> results = context.hosts().runAll(hosts, Command.of(step.target()));
        List<String> failed =
                results.stream().filter(r -> !r.ok()).map(Result::summary).toList();
        String evidence = evidence(results);
        if (!failed.isEmpty()) {
            return Outcome.failed(String.join("; ", failed), evidence);
        }
        return Outcome.done(evidence);
    }

    static List<Host> hosts(StepDef step, Environment env) {
        String on = step.options().get("on");
        if (on == null || on.isBlank()) {
            throw new RunbookException(
                    "step " + step.id() + " runs a command but names no hosts: add on: [host or service]");
        }
        Set<Host> out = new LinkedHashSet<>();
        for (String name : on.split(",")) {
            String n = name.strip();
            Host host = env.hosts().get(n);
            Service service = env.services().get(n);
            if (host != null) {
                out.add(host);
            } else if (service != null) {
                service.on().stream().map(env.hosts()::get).forEach(out::add);
            } else {
                throw new RunbookException("step " + step.id() + " runs on '" + n + "', which is neither a host nor a "
                        + "service of environment " + env.name());
            }
        }
        return new ArrayList<>(out);
    }

    private static String evidence(List<Result> results) {
        StringBuilder b = new StringBuilder();
        for (Result r : results) {
            b.append(r.host())
                    .append(": ")
                    .append(r.ok() ? "exit status 0" : r.summary())
                    .append('\n');
            String out = r.stdout().strip();
            if (!out.isEmpty()) {
                b.append(tail(out)).append('\n');
            }
        }
        return b.length() > EVIDENCE_CHARS ? "…" + b.substring(b.length() - EVIDENCE_CHARS) : b.toString();
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 10);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
