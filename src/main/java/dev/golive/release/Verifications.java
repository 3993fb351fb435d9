package dev.golive.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What verified a release where, read from the journal and the runs: smoke runs that name the
 * release, or ran while it was deployed; load tests that ran while it was deployed. A release is
 * deployed in an environment from the end of a deploy of its digests in which every instance
 * ended well, until the next deploy there begins.
 */
public final class Verifications {
    private final Store store;
    private final Ledger ledger;

    public Verifications(Store store, Ledger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    /** A span of time the release ran in an environment; {@code to} is null while it still does. */
    record Window(Instant from, Instant to) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    /** The smoke runs and load tests that ran on {@code release} in {@code environment}. */
    public List<Verification> of(Release release, String environment) {
        List<Window> windows = windows(release, environment);
        List<Verification> out = new ArrayList<>();
        for (JournalEntry e : smokes()) {
            JsonNode data = data(e);
            if (!environment.equals(data.path("environment").asText())) {
                continue;
            }
            boolean named = data.has("release");
            boolean on = named
                    ? release.version().equals(data.get("release").asText())
                    : windows.stream().anyMatch(w -> w.contains(e.at()));
            if (on) {
                out.add(new Verification(
                        "smoke",
                        data.path("scenario").asText(),
                        environment,
                        e.at(),
                        e.kind().equals("smoke.passed"),
                        e.actor(),
                        e.subject()));
            }
        }
        for (Verification load : loads(environment)) {
            if (windows.stream().anyMatch(w -> w.contains(load.at()))) {
                out.add(load);
            }
        }
        out.sort(java.util.Comparator.comparing(Verification::at));
        return out;
    }

    /** The deploys of the release's digests to the environment in which every instance ended well. */
    public List<String> deployedRuns(Release release, String environment) {
        Map<String, List<LedgerEntry>> runs = runs(environment);
        List<String> out = new ArrayList<>();
        runs.forEach((id, entries) -> {
            boolean all = entries.stream().allMatch(LedgerEntry::ok);
            if (all && entries.get(0).digests().equals(release.digests())) {
                out.add(id);
            }
        });
        return out;
    }

    List<Window> windows(Release release, String environment) {
        Map<String, List<LedgerEntry>> runs = runs(environment);
        List<String> ids = new ArrayList<>(runs.keySet());
        List<String> good = deployedRuns(release, environment);
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!good.contains(ids.get(i))) {
                continue;
            }
            List<LedgerEntry> entries = runs.get(ids.get(i));
            Instant from = entries.stream()
                    .map(LedgerEntry::endedAt)
                    .max(Instant::compareTo)
                    .orElseThrow();
            Instant to = i + 1 < ids.size() ? runs.get(ids.get(i + 1)).get(0).startedAt() : null;
            out.add(new Window(from, to));
        }
        return out;
    }

    private Map<String, List<LedgerEntry>> runs(String environment) {
        Map<String, List<LedgerEntry>> runs = new LinkedHashMap<>();
        for (LedgerEntry e : ledger.entries(environment)) {
            runs.computeIfAbsent(e.runId(), k -> new ArrayList<>()).add(e);
        }
        return runs;
    }

    private List<JournalEntry> smokes() {
        List<JournalEntry> out =
                new ArrayList<>(store.journal().list(JournalQuery.all().withKind("smoke.passed")));
        out.addAll(store.journal().list(JournalQuery.all().withKind("smoke.failed")));
        return out;
    }

    private List<Verification> loads(String environment) {
        return store.transaction("list the load tests of " + environment, c -> {
            List<Verification> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, started_by, started_at, outcome FROM runs"
                    + " WHERE kind = 'load' AND environment = ? AND ended_at IS NOT NULL ORDER BY started_at")) {
                s.setString(1, environment);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Verification(
                                "load",
                                r.getString("name"),
                                environment,
                                r.getObject("started_at", OffsetDateTime.class).toInstant(),
                                "passed".equals(r.getString("outcome")),
                                r.getString("started_by"),
                                "run " + r.getString("id")));
                    }
                }
            }
            return out;
        });
    }

    private static JsonNode data(JournalEntry e) {
        try {
            return Releases.JSON.readTree(e.data());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
