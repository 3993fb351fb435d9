package dev.golive.drill;

import dev.golive.plan.Drill;
import dev.golive.scenario.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The verdicts of a drill: its expectations, and that the fault and the restore were done. */
final class Judge {
    private Judge() {}

    static List<Verdict> of(
            Drill drill, Figures f, List<Done> fault, List<Done> survivors, List<Done> restore, String stopped) {
        List<Verdict> out = new ArrayList<>();
        out.add(all("fault done", "the fault done to every instance", fault));
        Drill.Expect e = drill.expect();
        if (e.errors() != null) {
            out.add(new Verdict(
                    "errors during the fault",
                    "at most " + percent(e.errors()),
                    f.errorsShown(" of "),
                    f.errorRate() <= e.errors()));
        }
        if (e.errorCount() != null) {
            out.add(new Verdict(
                    "error count during the fault",
                    "at most " + e.errorCount(),
                    f.errors() + Errors.noted(f.errorKinds()),
                    f.errors() <= e.errorCount()));
        }
        if (e.recovery() != null) {
            boolean met = f.recovery() != null && f.recovery() <= e.recovery().toMillis() / 1000.0;
            out.add(new Verdict(
                    "recovery",
                    "within " + seconds(e.recovery()) + ", then " + seconds(e.stable()) + " at the baseline",
                    f.recovery() == null ? "not back at the baseline by the end" : f.recovery() + " s",
                    met));
        }
        if (e.p95() != null) {
            boolean met = f.p95() == null || f.p95() <= e.p95().toMillis();
            out.add(new Verdict(
                    "p95 during the fault",
                    "at most " + e.p95().toMillis() + " ms",
                    f.p95() == null ? "no response passed" : f.p95() + " ms",
                    met));
        }
        if (e.survivors() && !survivors.isEmpty()) {
            out.add(all("survivors healthy", "every instance not faulted answers its health check", survivors));
        }
        out.add(all("restored", "every faulted instance back and healthy", restore));
        out.add(new Verdict(
                "ran to its end", "all its phases", stopped == null ? "ran to its end" : stopped, stopped == null));
        return out;
    }

    private static Verdict all(String check, String expected, List<Done> done) {
        List<String> failed = done.stream()
                .filter(d -> !d.ok())
                .map(d -> d.instance() + ": " + d.detail())
                .toList();
        String actual = failed.isEmpty()
                ? (done.isEmpty() ? "nothing was done" : done.size() + " of " + done.size() + " ok")
                : String.join("; ", failed);
        return new Verdict(check, expected, actual, failed.isEmpty() && !done.isEmpty());
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
