package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.plan.PlanException;
import dev.golive.plan.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "validate",
        description = {
            "Load the plan and report every problem in it.",
            "Secrets that are not at hand are listed as warnings; everything else must be right."
        })
final class ValidateCommand implements Runnable {
    private final Context context;

    @Mixin
    PlanOptions planOptions;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    ValidateCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan;
        try {
            plan = planOptions.load(context, planOptions.loader(context).allowingMissingSecrets());
        } catch (PlanException e) {
            if (json) {
                Json.print(context.out(), result(false, e.problems(), List.of(), null));
                throw new UsageException(e.problems().size() + " problems in the plan");
            }
            throw e;
        }
        if (json) {
            Json.print(context.out(), result(true, List.of(), plan.secrets().missing(), plan));
            return;
        }
        plan.secrets().missing().forEach(m -> context.err().println("warning: " + m));
        context.out().println(planOptions.file(context) + ": ok (" + summary(plan) + ")");
    }

    private static String summary(Plan plan) {
        return plan.environments().size() + " environments, "
                + plan.environments().values().stream()
                        .mapToInt(e -> e.instances().size())
                        .sum() + " instances, "
                + plan.checks().size() + " checks, " + plan.scenarios().size() + " scenarios, "
                + plan.loadTests().size() + " load tests, " + plan.drills().size() + " drills, "
                + plan.runbooks().size() + " runbooks";
    }

    private static Map<String, Object> result(boolean ok, List<Problem> problems, List<String> warnings, Plan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", ok);
        out.put("problems", problems.stream().map(ValidateCommand::problem).toList());
        out.put("warnings", warnings);
        if (plan != null) {
            out.put("system", plan.system());
            out.put("summary", summary(plan));
        }
        return out;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", p.location().file().toString());
        out.put("line", p.location().line());
        out.put("column", p.location().column());
        out.put("path", p.path());
        out.put("message", p.message());
        return out;
    }
}
