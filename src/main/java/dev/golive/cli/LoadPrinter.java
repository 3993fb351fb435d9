package dev.golive.cli;

import dev.golive.load.LoadResult;
import dev.golive.load.Stats;
import dev.golive.load.Verdict;
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
        if (!result.verdicts().isEmpty()) {
            out.println();
            result.verdicts().forEach(v -> out.println(verdict(v)));
        }
        out.println();
        out.println(result.passed() ? "all targets met" : "targets missed");
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
        return out;
    }

    static Map<String, Object> json(Stats s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        out.put("passed", s.passed());
        out.put("errors", s.errors());
        out.put("tps", s.tps());
        out.put("p50Ms", millis(s.p50()));
        out.put("p90Ms", millis(s.p90()));
        out.put("p95Ms", millis(s.p95()));
        out.put("p99Ms", millis(s.p99()));
        out.put("maxMs", millis(s.max()));
        return out;
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String verdict(Verdict v) {
        return "  " + v;
    }
}
