package dev.golive.check;

import dev.golive.plan.Check;
import java.time.Duration;
import java.util.List;

/** One way of checking: by SQL, by HTTP, by port, by command. */
interface Probe {
    List<CheckResult> run(Check check);

    static CheckResult red(Check check, String subject, String why, long startNanos) {
        return new CheckResult(check.name(), subject, false, why, since(startNanos));
    }

    static CheckResult judged(Check check, String subject, String value, String fallbackDetail, long startNanos) {
        String why = check.expect() == null ? null : Expectations.judge(check.expect(), value);
        String detail = why != null ? why : (value == null || value.isBlank() ? fallbackDetail : value.strip());
        return new CheckResult(check.name(), subject, why == null, oneLine(detail), since(startNanos));
    }

    static Duration since(long startNanos) {
        return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String oneLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
