package dev.golive.cli;

import dev.golive.plan.Secrets;
import dev.golive.scenario.ScenarioResult;
import dev.golive.scenario.StepResult;
import java.io.PrintWriter;

/** Prints a smoke run: one line per step as it finishes, the failing exchange in full, secrets masked. */
final class SmokePrinter {
    private final PrintWriter out;
    private final Secrets secrets;

    SmokePrinter(PrintWriter out, Secrets secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    void start(String environment, String scenario) {
        print("smoke " + environment + ": " + scenario);
    }

    void step(StepResult step) {
        String status = step.status() == 0 ? "-" : String.valueOf(step.status());
        String name =
                "  ".repeat(step.depth()) + (step.kind().equals("transaction") ? "transaction " : "") + step.name();
        print(String.format(
                "  %-4s %4s %7d ms  %s",
                step.passed() ? "ok" : "FAIL", status, step.time().toMillis(), name));
        if (!step.passed()) {
            print("                          " + step.failure());
        }
        out.flush();
    }

    void end(ScenarioResult result) {
        result.failed().ifPresentOrElse(this::exchange, () -> print("  passed"));
        out.flush();
    }

    private void exchange(StepResult failed) {
        if (failed.request() != null) {
            print("  --- request ---");
            print(failed.request().stripTrailing().indent(4).stripTrailing());
        }
        if (failed.response() != null) {
            print("  --- response ---");
            print(failed.response().stripTrailing().indent(4).stripTrailing());
        }
        print("  failed at " + failed.name());
    }

    private void print(String line) {
        out.println(secrets.mask(line));
    }
}
