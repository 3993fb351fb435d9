package dev.golive.cli;

import dev.golive.release.Figures;
import dev.golive.release.LedgerEntry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "history",
        description = {
            "The deploy ledger: every deploy and rollback, per instance, with who, when, digests, result and"
                    + " duration; and the stabilization figures: deploys per day, failed deploys, rollbacks,"
                    + " time to restore."
        })
final class HistoryCommand implements Runnable {
    private final Context context;

    @Mixin
    Workspace workspace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "Only this environment.")
    String env;

    @Option(names = "--json", description = "Print the ledger and the figures as JSON.")
    boolean json;

    HistoryCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        ReleaseCommand.Shelf shelf = ReleaseCommand.Shelf.open(context, workspace);
        if (env != null) {
            Workspace.environment(shelf.plan(), env);
        }
        List<LedgerEntry> entries = shelf.ledger().entries(env);
        Figures figures = Figures.of(entries, ZoneId.systemDefault());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("entries", entries.stream().map(HistoryCommand::json).toList());
            out.put("figures", json(figures));
            Json.print(context.out(), out);
            return;
        }
        Table t = new Table("STARTED", "ENV", "INSTANCE", "ACTION", "VERSION", "RESULT", "TOOK", "BY", "RUN");
        entries.forEach(e -> t.row(
                e.startedAt(),
                e.environment(),
                e.instance(),
                e.action(),
                e.version(),
                e.result() == null ? "interrupted?" : e.result(),
                seconds(e.duration()),
                e.actor(),
                e.runId()));
        t.print(context.out());
        context.out().println();
        figures.deploysPerDay().forEach((day, n) -> context.out().println(day + ": " + n + " deploys"));
        context.out()
                .println("deploys: " + figures.deploys() + ", failed: " + figures.failed() + ", rollbacks: "
                        + figures.rollbacks() + ", time to restore: " + restore(figures));
    }

    private static String restore(Figures f) {
        return f.restores().isEmpty()
                ? "-"
                : "mean " + seconds(f.meanRestore()) + ", longest " + seconds(f.longestRestore()) + " ("
                        + f.restores().size() + ")";
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : d.toSeconds() + "s";
    }

    static Map<String, Object> json(LedgerEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", e.runId());
        out.put("environment", e.environment());
        out.put("instance", e.instance());
        out.put("action", e.action());
        out.put("version", e.version());
        out.put("previous", e.previous());
        out.put("digests", e.digests());
        out.put("actor", e.actor());
        out.put("startedAt", e.startedAt().toString());
        out.put("endedAt", e.endedAt() == null ? null : e.endedAt().toString());
        out.put("result", e.result());
        out.put("detail", e.detail());
        out.put("millis", e.duration() == null ? null : e.duration().toMillis());
        return out;
    }

    private static Map<String, Object> json(Figures f) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> perDay = new LinkedHashMap<>();
        f.deploysPerDay().forEach((d, n) -> perDay.put(d.toString(), n));
        out.put("deploysPerDay", perDay);
        out.put("deploys", f.deploys());
        out.put("failed", f.failed());
        out.put("rollbacks", f.rollbacks());
        out.put("restoreSeconds", f.restores().stream().map(Duration::toSeconds).toList());
        return out;
    }
}
