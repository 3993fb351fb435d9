package dev.golive.load;

import dev.golive.plan.LoadTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares what a load test achieved with its targets. */
final class TargetCheck {
    private TargetCheck() {}

    static List<Verdict> verdicts(
            LoadTest test, Stats overall, java.util.Map<String, Stats> transactions, double intended, long completed) {
        List<Verdict> out = new ArrayList<>();
        if (test.targets() != null) {
            out.addAll(check("overall", test.targets(), overall));
            Double achieved = test.targets().achieved();
            if (achieved != null) {
                double share = intended <= 0 ? 100 : Math.min(100, 100.0 * completed / intended);
                out.add(new Verdict(
                        "overall",
                        "achieved",
                        ">= " + percent(achieved) + " of " + Math.round(intended) + " intended iterations",
                        percent(share) + " (" + completed + " passed)",
                        share >= achieved));
            }
        }
        test.transactionTargets().forEach((name, targets) -> {
            Stats stats = transactions.get(name);
            if (stats == null) {
                out.add(new Verdict(name, "count", "at least one", "none ran", false));
            } else {
                out.addAll(check(name, targets, stats));
            }
        });
        return out;
    }

    private static List<Verdict> check(String scope, LoadTest.Targets t, Stats s) {
        List<Verdict> out = new ArrayList<>();
        time(out, scope, "p50", t.p50(), s.p50());
        time(out, scope, "p90", t.p90(), s.p90());
        time(out, scope, "p95", t.p95(), s.p95());
        time(out, scope, "p99", t.p99(), s.p99());
        time(out, scope, "max", t.max(), s.max());
        if (t.errors() != null) {
            out.add(new Verdict(
                    scope,
                    "errors",
                    "<= " + percent(t.errors()),
                    percent(s.errorPercent()),
                    s.errorPercent() <= t.errors()));
        }
        if (t.tps() != null) {
            out.add(new Verdict(scope, "tps", ">= " + number(t.tps()), number(s.tps()), s.tps() >= t.tps()));
        }
        return out;
    }

    private static void time(List<Verdict> out, String scope, String name, Duration target, Duration actual) {
        if (target != null) {
            out.add(new Verdict(
                    scope, name, "<= " + target.toMillis() + " ms", millis(actual), actual.compareTo(target) <= 0));
        }
    }

    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    private static String number(double n) {
        return String.format(Locale.ROOT, "%.1f/s", n);
    }
}
