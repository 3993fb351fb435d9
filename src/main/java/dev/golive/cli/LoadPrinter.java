package dev.golive.cli;

import dev.golive.load.Health;
import dev.golive.load.LoadResult;
import dev.golive.load.Stats;
import dev.golive.load.Verdict;
import dev.golive.scenario.Errors;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints a load test's result: transactions first, then requests, then every target. */
final class LoadPrinter {
    private LoadPrinter() {}

    static void print(PrintWriter out, String runId, LoadResult result) {
        out.println();
        out.println("load " + result.test() + " (run " + runId + "), "
                + result.elapsed().toSeconds() + " s");
        table(out, "transaction", result.transactions(), result.overall());
        table(out, "request", result.requests(), null);
        if (!result.errors().isEmpty()) {
            out.println();
            out.println("errors by kind: " + Errors.list(result.errors()));
        }
        Health h = result.health();
        out.println();
        out.println(String.format(
                Locale.ROOT,
                "generator: %d iterations started, %d late, %d dropped, CPU at most %s",
                h.arrivals(),
                h.late(),
                h.dropped(),
                h.maxCpu() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f%%", h.maxCpu() * 100)));
        result.generators()
                .forEach((name, g) -> out.println(String.format(
                        Locale.ROOT,
                        "  %s: %d started, %d late, %d dropped, CPU at most %s",
                        name,
                        g.arrivals(),
                        g.late(),
                        g.dropped(),
                        g.maxCpu() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f%%", g.maxCpu() * 100))));
        h.invalid().forEach(why -> out.println("  INVALID  " + why));
        if (result.stopped() != null) {
            out.println("  STOPPED  " + result.stopped());
        }
        if (!result.verdicts().isEmpty()) {
            out.println();
            result.verdicts().forEach(v -> out.println(verdict(v)));
        }
        out.println();
        out.println(
                result.passed()
                        ? "all targets met"
                        : result.stopped() != null
                                ? "stopped early"
                                : !h.valid() ? "invalid run: the generator did not keep up" : "targets missed");
        out.println("report: golive report " + runId);
    }

    private static void table(PrintWriter out, String what, Map<String, Stats> stats, Stats overall) {
        if (stats.isEmpty()) {
            return;
        }
        out.println();
        Table table = new Table(what, "count", "errors", "tps", "p50", "p90", "p95", "p99", "max");
        new TreeMap<>(stats).values().forEach(s -> row(table, s.name(), s));
        if (overall != null) {
            row(table, "overall", overall);
        }
        table.print(out);
    }

    private static void row(Table table, String name, Stats s) {
        table.row(
                name,
                s.passed() + s.errors(),
                s.errors(),
                String.format(Locale.ROOT, "%.1f", s.tps()),
                ms(s.p50()),
                ms(s.p90()),
                ms(s.p95()),
                ms(s.p99()),
                ms(s.max()));
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    /** The result as plain values for JSON, times in milliseconds. */
    static Map<String, Object> json(String runId, LoadResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", runId);
        out.put("test", result.test());
        out.put("passed", result.passed());
        out.put("elapsedMs", result.elapsed().toMillis());
        out.put("overall", json(result.overall()));
        out.put(
                "transactions",
                new TreeMap<>(result.transactions())
                        .values().stream().map(LoadPrinter::json).toList());
        out.put(
                "requests",
                new TreeMap<>(result.requests())
                        .values().stream().map(LoadPrinter::json).toList());
        out.put("targets", result.verdicts());
        out.put("errors", result.errors());
        out.put("health", result.health());
        out.put("generators", result.generators());
        out.put("stopped", result.stopped());
        return out;
    }

    static Map<String, Object> json(Stats s) {
        return s.plain();
    }

    private static String verdict(Verdict v) {
        return "  " + v;
    }
}
