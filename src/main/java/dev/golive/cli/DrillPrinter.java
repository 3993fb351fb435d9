package dev.golive.cli;

import dev.golive.drill.DrillResult;
import dev.golive.drill.Figures;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The survivability matrix as a table, and what did not hold. */
final class DrillPrinter {
    private DrillPrinter() {}

    static void print(PrintWriter out, List<DrillResult> results) {
        Table table =
                new Table("RESULT", "DRILL", "FAULT", "INSTANCES", "ERRORS", "P95", "DETECTION", "RECOVERY", "RUN");
        for (DrillResult r : results) {
            Figures f = r.figures();
            table.row(
                    r.survived() ? "survived" : r.stopped() != null ? "INTERRUPTED" : "NOT SURVIVED",
                    r.drill(),
                    r.faultKind(),
                    String.join(",", r.radius().instances()),
                    f.errorsShown("/"),
                    f.p95() == null ? "-" : String.format(Locale.ROOT, "%.1f ms", f.p95()),
                    f.detection() == null ? "not seen" : f.detection() + " s",
                    f.recovery() == null ? "not recovered" : f.recovery() + " s",
                    r.runId());
        }
        table.print(out);
        for (DrillResult r : results) {
            r.problems().forEach(p -> out.println(r.drill() + ": " + p));
        }
    }
}
