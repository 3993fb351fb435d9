package dev.golive.cli;

import dev.golive.plan.Plan;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Store;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "journal", description = "List the journal: everything golive did, and who did it.")
final class JournalCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int DEFAULT_LIMIT = 200;

    private final Context context;

    @Mixin
    Workspace workspace;

    @Option(names = "--run", paramLabel = "ID", description = "Only the entries of this run.")
    String run;

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description = "Only entries since: 30m, 2h, 2026-12-04, \"2026-12-04 21:00\".")
    String since;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only entries of this kind, such as note.")
    String kind;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "The newest N entries (default ${DEFAULT-VALUE}; 0 for all).",
            defaultValue = "200")
    int limit = DEFAULT_LIMIT;

    @Option(names = "--json", description = "Print the entries as JSON.")
    boolean json;

    JournalCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (limit < 0) {
            throw new UsageException("--limit must be 0 (all) or more");
        }
        Clock clock = Clock.systemDefaultZone();
        JournalQuery query = new JournalQuery(run, since == null ? null : Since.parse(since, clock), kind, limit);
        Plan plan = workspace.plan(context);
        Store store = workspace.open(context, plan);
        List<JournalEntry> entries = store.journal().list(query);
        if (json) {
            Json.print(context.out(), entries.stream().map(JournalCommand::json).toList());
            return;
        }
        print(entries, clock.getZone());
    }

    private void print(List<JournalEntry> entries, ZoneId zone) {
        if (entries.isEmpty()) {
            context.out().println("The journal has no matching entries.");
            return;
        }
        Table table = new Table("SEQ", "TIME", "RUN", "KIND", "ACTOR", "SUBJECT");
        entries.forEach(
                e -> table.row(e.seq(), TIME.format(e.at().atZone(zone)), e.runId(), e.kind(), e.actor(), e.subject()));
        table.print(context.out());
        if (limit > 0 && entries.size() == limit) {
            context.out().println("(the newest " + limit + " entries; --limit 0 shows all)");
        }
    }

    private static Map<String, Object> json(JournalEntry e) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at().toString());
        out.put("run", e.runId());
        out.put("kind", e.kind());
        out.put("subject", e.subject());
        out.put("actor", e.actor());
        out.put("data", Json.tree(e.data()));
        return out;
    }
}
