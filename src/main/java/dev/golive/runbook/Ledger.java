package dev.golive.runbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads and writes runbook runs in the store. Every transition locks the run's row, replays the
 * journal, lets the caller decide against that state, and appends the decision in the same
 * transaction: two people acting at once are put in order, and the second is judged against
 * what the first did.
 */
final class Ledger {
    private final Store store;
    private final Predicate<String> alive;

    Ledger(Store store, Predicate<String> alive) {
        this.store = store;
        this.alive = alive;
    }

    /** One entry to append. */
    record Event(String kind, String subject, ObjectNode data) {}

    /** Decides, against the current state, what to append; throws to refuse. */
    interface Decision {
        List<Event> decide(RunState state);
    }

    Run start(Snapshot snapshot) {
        return store.runs()
                .start(
                        "runbook",
                        snapshot.runbook(),
                        snapshot.environment(),
                        snapshot.startedBy(),
                        (connection, run) -> claim(connection, run, snapshot));
    }

    RunState load(String runId) {
        return store.transaction("read runbook run " + runId, c -> replay(c, runId));
    }

    RunState transition(String runId, String actor, String what, Decision decision) {
        return store.transaction(what + " in run " + runId, c -> {
            lock(c, runId);
            RunState before = replay(c, runId);
            if (!before.active()) {
                throw new RunbookException(
                        "run " + runId + " has ended (" + before.outcome + "); nothing can change it");
            }
            for (Event e : decision.decide(before)) {
                store.journal()
                        .append(c, runId, e.kind(), e.subject(), actor, e.data().toString());
            }
            RunState after = replay(c, runId);
            bump(c, runId);
            Optional<String> outcome = Completion.outcome(after);
            if (outcome.isEmpty()) {
                return after;
            }
            end(c, after, outcome.get(), actor);
            return replay(c, runId);
        });
    }

    Optional<String> activeRun(String environment) {
        return store.transaction("find the active runbook run of " + environment, c -> active(c, environment));
    }

    List<String> activeRuns() {
        return store.transaction("list active runbook runs", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM active_runbooks ORDER BY run_id");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
            return out;
        });
    }

    private void claim(Connection c, Run run, Snapshot snapshot) throws SQLException {
        Optional<String> holder = active(c, snapshot.environment());
        if (holder.isPresent()) {
            throw busy(c, snapshot.environment(), holder.get());
        }
        update(c, "INSERT INTO active_runbooks (environment, run_id) VALUES (?, ?)", snapshot.environment(), run.id());
        update(
                c,
                "INSERT INTO runbook_runs (run_id, runbook, environment, version) VALUES (?, ?, ?, 0)",
                run.id(),
                snapshot.runbook(),
                snapshot.environment());
        ObjectNode data = Events.data(null, Map.of("snapshot", snapshot));
        store.journal()
                .append(
                        c,
                        run.id(),
                        Events.STARTED,
                        "runbook " + snapshot.runbook(),
                        snapshot.startedBy(),
                        data.toString());
    }

    private RunbookException busy(Connection c, String environment, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, started_by, started_at FROM runs WHERE id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new RunbookException("runbook " + r.getString(1) + " is already running in " + environment
                        + " as run " + runId + ", started by " + r.getString(2) + " at "
                        + r.getObject(3, java.time.OffsetDateTime.class).toInstant()
                        + "; one run per environment at a time: finish or abort it first");
            }
        }
    }

    private void end(Connection c, RunState state, String outcome, String actor) {
        try {
            ObjectNode data = Events.data(null, Map.of("outcome", outcome));
            store.journal()
                    .append(
                            c,
                            state.runId,
                            Events.ENDED,
                            "runbook " + state.snapshot.runbook(),
                            actor,
                            data.toString());
            store.runs().end(c, state.runId, outcome, actor);
            update(c, "DELETE FROM active_runbooks WHERE run_id = ?", state.runId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not end run " + state.runId + ": " + e.getMessage(), e);
        }
    }

    private RunState replay(Connection c, String runId) throws SQLException {
        var entries = store.journal().list(c, JournalQuery.all().withRunId(runId));
        if (entries.isEmpty()) {
            throw new RunbookException("no run with id '" + runId + "'");
        }
        return RunState.replay(runId, entries, alive);
    }

    private static Optional<String> active(Connection c, String environment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM active_runbooks WHERE environment = ?")) {
            s.setString(1, environment);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static void lock(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM runbook_runs WHERE run_id = ? FOR UPDATE")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new RunbookException("no runbook run with id '" + runId + "'");
                }
            }
        }
    }

    private static void bump(Connection c, String runId) throws SQLException {
        update(c, "UPDATE runbook_runs SET version = version + 1 WHERE run_id = ?", runId);
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
