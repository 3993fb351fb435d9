package dev.golive.cli;

import dev.golive.capture.Capture;
import dev.golive.diag.DiagException;
import dev.golive.diag.Diagnose;
import dev.golive.diag.Diagnosis;
import dev.golive.diag.Finding;
import dev.golive.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Captures in the journal and on the terminal. */
final class CaptureReport {
    private CaptureReport() {}

    /** One {@code capture.taken} (or {@code capture.failed}) entry per instance, with its files. */
    static void journal(Store store, String runId, String actor, String env, List<Capture> captures) {
        for (Capture c : captures) {
            Map<String, Object> data = new LinkedHashMap<>(CaptureCommand.plain(c));
            data.put("environment", env);
            store.journal()
                    .append(
                            runId,
                            c.ok() ? "capture.taken" : "capture.failed",
                            c.instance() + ": " + c.threadDumps().size() + " thread dumps, "
                                    + c.histograms().size() + " histograms",
                            actor,
                            Json.write(data));
        }
    }

    static Map<String, Object> json(List<Capture> captures) {
        return Map.of("captures", captures.stream().map(CaptureCommand::plain).toList());
    }

    static void print(PrintWriter out, Path base, List<Capture> captures) {
        Table table = new Table("result", "instance", "pid", "dumps", "cpu", "histograms", "detail");
        for (Capture c : captures) {
            table.row(
                    c.ok() ? "ok" : "FAIL",
                    c.instance(),
                    c.pid() == 0 ? "-" : String.valueOf(c.pid()),
                    c.threadDumps().size(),
                    c.cpu().size(),
                    c.histograms().size(),
                    c.ok() ? relative(base, c.threadDumps().getFirst().getParent()) : c.failure());
        }
        table.print(out);
    }

    /** What the captured files say, most important first; null when there is nothing to read. */
    static Diagnosis diagnose(List<Capture> captures) {
        List<Path> files = captures.stream().flatMap(c -> c.files().stream()).toList();
        if (files.isEmpty()) {
            return null;
        }
        // A file that cannot be read (a cut-off dump, say) does not keep the others from being read.
        List<dev.golive.diag.Capture> read = new java.util.ArrayList<>();
        for (Path f : files) {
            try {
                read.add(Diagnose.read(f));
            } catch (DiagException e) {
                // left out
            }
        }
        return read.isEmpty() ? null : Diagnose.analyse(read);
    }

    /** The findings of the captures, a few lines each. */
    static void findings(PrintWriter out, List<Capture> captures) {
        Diagnosis d = diagnose(captures);
        if (d == null) {
            return;
        }
        out.println();
        if (d.findings().isEmpty()) {
            out.println("nothing stands out in the captures (golive diag FILE… reads them in full)");
            return;
        }
        out.println("what the captures say (golive diag FILE… for all the evidence):");
        int n = 0;
        for (Finding f : d.findings()) {
            if (++n > 5) {
                break;
            }
            out.println("  " + n + ". " + f.severity() + "  " + f.title());
            f.evidence().stream().limit(4).forEach(line -> out.println("       " + line));
        }
    }

    private static String relative(Path base, Path p) {
        return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
    }
}
