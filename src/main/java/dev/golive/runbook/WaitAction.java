package dev.golive.runbook;

import dev.golive.plan.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** {@code wait: 10m} (a pause) or {@code wait: "2026-12-04 22:00"} (until that local time). */
final class WaitAction implements StepAction {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public Outcome run(StepDef step, ActionContext context) throws InterruptedException {
        Instant until = until(step, context);
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
