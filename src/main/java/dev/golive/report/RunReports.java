package dev.golive.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.golive.diag.DiagException;
import dev.golive.diag.Diagnose;
import dev.golive.load.LoadFigures;
import dev.golive.runbook.RunView;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The reports of stored runs, put together from the store: for `golive report` and the dashboard alike. */
public final class RunReports {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LOAD_ENDS =
            Set.of("load.passed", "load.failed", "load.invalid", "load.aborted", "load.interrupted");
    private static final Set<String> DRILL_ENDS = Set.of("drill.survived", "drill.not-survived", "drill.interrupted");

    private RunReports() {}

    /** A load run's report over seconds {@code first} (inclusive) to {@code last} (exclusive). */
    public static LoadReport load(Store store, Run run, int first, int last) {
        return load(store, run, first, last, true);
    }

    /**
     * A load run's report as it stands, for a page that draws it every second: the series and the
     * verdicts, without reading the captured files.
     */
    public static LoadReport live(Store store, Run run) {
        return load(store, run, 0, Integer.MAX_VALUE, false);
    }

    private static LoadReport load(Store store, Run run, int first, int last, boolean captures) {
        List<JournalEntry> entries = store.journal().list(JournalQuery.all().withRunId(run.id()));
        List<JournalEntry> taken = captures
                ? entries.stream().filter(e -> e.kind().startsWith("capture.")).toList()
                : List.of();
        return new LoadReport(
                run,
                last(entries, LOAD_ENDS).orElse(null),
                LoadFigures.of(store.loadSeries(), run.id(), first, last),
                taken,
                captures ? diagnosis(taken) : null);
    }

    /** What a drill run recorded when it ended; empty when golive stopped before its end. */
    public static Optional<JsonNode> drillResult(Store store, Run run) {
        return last(store.journal().list(JournalQuery.all().withRunId(run.id())), DRILL_ENDS);
    }

    public static DrillReport drill(Run run, JsonNode result) {
        return new DrillReport(
                "Drill " + run.name() + " on " + run.environment() + " — run " + run.id(), List.of(result));
    }

    /**
     * The HTML report of any run that has one: load, drill or runbook.
     *
     * @param runbook the view of a runbook run, by id
     * @throws IllegalArgumentException when the run has no report
     */
    public static String html(Store store, Run run, ZoneId zone, Function<String, RunView> runbook) {
        return switch (run.kind()) {
            case "load" -> load(store, run, 0, Integer.MAX_VALUE).html(zone);
            case "drill" ->
                drill(
                                run,
                                drillResult(store, run)
                                        .orElseThrow(() -> new IllegalArgumentException(
                                                "drill run " + run.id() + " recorded no result")))
                        .html();
            case "runbook" -> new RunbookReport(zone, Instant.now()).render(runbook.apply(run.id()));
            default ->
                throw new IllegalArgumentException("run " + run.id() + " is a " + run.kind()
                        + " run; reports are written for load, drill and runbook runs");
        };
    }

    private static Optional<JsonNode> last(List<JournalEntry> entries, Set<String> kinds) {
        for (JournalEntry e : entries.reversed()) {
            if (kinds.contains(e.kind())) {
                try {
                    return Optional.of(JSON.readTree(e.data()));
                } catch (JacksonException ex) {
                    throw new IllegalStateException("journal entry " + e.seq() + " cannot be read: " + ex.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** What the run's captured files say, as HTML findings; null when there are none to read. */
    private static String diagnosis(List<JournalEntry> captures) {
        List<Path> files = new ArrayList<>();
        for (JournalEntry e : captures) {
            if (!e.kind().equals("capture.taken")) {
                continue;
            }
            try {
                JsonNode data = JSON.readTree(e.data());
                for (String key : List.of("threadDumps", "cpu", "histograms")) {
                    data.path(key).forEach(f -> {
                        Path p = Path.of(f.asText());
                        if (Files.isRegularFile(p)) {
                            files.add(p);
                        }
                    });
                }
            } catch (JacksonException ex) {
                // an entry that cannot be read names no files
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        try {
            return new DiagReport(Diagnose.files(files)).findings();
        } catch (DiagException ex) {
            return null;
        }
    }
}
