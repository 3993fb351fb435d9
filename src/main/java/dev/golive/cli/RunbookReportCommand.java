package dev.golive.cli;

import dev.golive.report.RunbookReport;
import dev.golive.runbook.RunView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        description = "Write a run's timeline, planned against actual, as a self-contained HTML file.")
final class RunbookReportCommand extends RunbookRunCommand {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "The HTML file (default: runbook-RUN.html).")
    String output;

    RunbookReportCommand(Context context) {
        super(context);
    }

    @Override
    public void run() {
        RunbookOptions.Session s = session();
        RunView view = s.runbooks().view(s.runId());
        String html = new RunbookReport(ZoneId.systemDefault(), Instant.now()).render(view);
        Path file = context.resolve(output != null ? output : "runbook-" + view.runId() + ".html");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        context.out().println("Wrote " + file);
    }
}
