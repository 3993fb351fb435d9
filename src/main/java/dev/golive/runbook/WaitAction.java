package dev.golive.runbook;

import dev.golive.check.CheckResult;
import dev.golive.check.Checks;
import dev.golive.plan.Check;
import dev.golive.plan.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code wait: 10m} (a pause) or {@code wait: "2026-12-04 22:00"} (until that local time). With
 * {@code until: CHECK}, the wait ends as soon as that readiness check is green, and the step fails
 * if it is still red when the time is up.
 */
final class WaitAction implements StepAction {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Duration POLL = Duration.ofSeconds(5);

    @Override
    public Outcome run(StepDef step, ActionContext context) throws InterruptedException {
        Instant until = until(step, context);
        String condition = step.options().get("until");
        if (condition != null) {
            return untilGreen(step, condition, until, context);
        }
        Duration left = Duration.between(context.clock().instant(), until);
        if (!left.isNegative() && !left.isZero()) {
            String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                    .format(until.atZone(context.clock().getZone()));
            context.out().println("  waiting " + Durations.format(left) + ", until " + at);
            context.out().flush();
            Thread.sleep(left.toMillis());
        }
        return Outcome.done("waited until " + until);
    }

    private static Outcome untilGreen(StepDef step, String name, Instant deadline, ActionContext context)
            throws InterruptedException {
        Checks checks = new Checks(context.plan(), context.environment(), context.hosts());
        Check check = context.plan().checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new RunbookException(
                        "step " + step.id() + " waits until check '" + name + "', which the plan does not have"));
        context.out().println("  waiting until check '" + name + "' is green");
        context.out().flush();
        // The deadline is a time of day; the waiting itself is measured on the monotonic clock.
        long end = System.nanoTime()
                + Math.max(
                        0, Duration.between(context.clock().instant(), deadline).toNanos());
        while (true) {
            List<CheckResult> results = checks.run(check);
            String evidence =
                    String.join("\n", results.stream().map(CheckResult::line).toList());
            if (results.stream().allMatch(CheckResult::ok)) {
                return Outcome.done(evidence);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return Outcome.failed("check '" + name + "' was still red at " + deadline, evidence);
            }
            Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, POLL.toMillis()));
        }
    }

    static Instant until(StepDef step, ActionContext context) {
        String text = step.target().strip();
        Duration pause = Durations.parse(text);
        if (pause != null) {
            return context.clock().instant().plus(pause);
        }
        try {
            return LocalDateTime.parse(text, AT)
                    .atZone(context.clock().getZone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new RunbookException("step " + step.id() + ": wait takes a duration like 10m or a local time like "
                    + "\"2026-12-04 22:00\", not '" + text + "'");
        }
    }
}
