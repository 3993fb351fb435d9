package dev.golive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.plan.Plan;
import dev.golive.report.DrillReport;
import dev.golive.report.LoadReport;
import dev.golive.report.RunReports;
import dev.golive.report.RunbookReport;
import dev.golive.runbook.Runbooks;
import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.target.SshSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        description = {
            "Write a run's report as one self-contained HTML file (charts included, no network needed).",
            "Load runs: targets, transactions, charts over time, distribution, generator health;",
            "also --json and --junit FILE for CI. Drill runs: the timeline with the fault and the restore,",
            "detection, recovery and verdicts. Runbook runs: the timeline."
        })
final class ReportCommand implements Runnable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Context context;

    @Mixin
    Workspace workspace;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run, as `golive journal` shows it.")
    String runId;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "The HTML file (default: KIND-RUN.html).")
    String output;

    @Option(names = "--json", description = "Print the report as JSON instead of writing HTML.")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, one test case per target.")
    String junit;

    @Option(names = "--from", paramLabel = "SECONDS", description = "Load runs: from this second of the run.")
    Integer from;

    @Option(names = "--to", paramLabel = "SECONDS", description = "Load runs: up to this second (not included).")
    Integer to;

    ReportCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Plan plan = workspace.plan(context);
        Store store = workspace.open(context, plan);
        Run run = store.runs()
                .find(runId)
                .orElseThrow(() -> new UsageException(
                        "no run '" + runId + "' in the store " + store.location() + "; `golive journal` lists runs"));
        switch (run.kind()) {
            case "load" -> load(store, run);
            case "runbook" -> runbook(plan, store, run);
            case "drill" -> drill(store, run);
            default ->
                throw new UsageException("run " + run.id() + " is a " + run.kind()
                        + " run; reports are written for load, drill and runbook runs");
        }
    }

    private void load(Store store, Run run) {
        int first = from == null ? 0 : from;
        int last = to == null ? Integer.MAX_VALUE : to;
        if (first < 0 || last <= first) {
            throw new UsageException("--from must be 0 or more and --to after it, got " + first + " and " + to);
        }
        LoadReport report = RunReports.load(store, run, first, last);
        if (junit != null) {
            write(context.resolve(junit), report.junit());
        }
        if (json) {
            Json.print(context.out(), report.json());
            return;
        }
        write(
                context.resolve(output != null ? output : "load-" + run.id() + ".html"),
                report.html(ZoneId.systemDefault()));
    }

    private void drill(Store store, Run run) {
        if (from != null || to != null) {
            throw new UsageException("--from and --to are for load runs; " + run.id() + " is a drill run");
        }
        JsonNode result = RunReports.drillResult(store, run)
                .orElseThrow(() -> new UsageException("drill run " + run.id()
                        + " recorded no result: golive stopped before its end; `golive drill restore "
                        + run.environment() + "` finishes its restore"));
        DrillReport report = RunReports.drill(run, result);
        if (junit != null) {
            write(context.resolve(junit), report.junit());
        }
        if (json) {
            Json.print(context.out(), JSON.convertValue(result, Object.class));
            return;
        }
        write(context.resolve(output != null ? output : "drill-" + run.id() + ".html"), report.html());
    }

    private void runbook(Plan plan, Store store, Run run) {
        if (from != null || to != null || junit != null || json) {
            throw new UsageException(
                    "--from, --to, --json and --junit are for load runs; " + run.id() + " is a runbook run");
        }
        var runbooks = new Runbooks(plan, store, Clock.systemDefaultZone(), SshSettings.forPlan(plan.directory()));
        String html = new RunbookReport(ZoneId.systemDefault(), Instant.now()).render(runbooks.view(run.id()));
        write(context.resolve(output != null ? output : "runbook-" + run.id() + ".html"), html);
    }

    private void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        context.out().println("Wrote " + file);
    }
}
