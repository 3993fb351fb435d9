package dev.golive.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The runs of load tests, drills, deploys and runbooks. Starting and ending a run are journaled
 * ({@code run.started}, {@code run.ended}) in the same transaction as the change itself.
 */
public final class Runs {
    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 10;
    private static final String COLUMNS = "id, kind, name, environment, started_by, started_at, ended_at, outcome";

    private final Store store;
    private final Journal journal;
    private final UnaryOperator<String> masker;
    private final Clock clock;

    Runs(Store store, Journal journal, UnaryOperator<String> masker, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.masker = masker;
        this.clock = clock;
    }

    /**
     * Starts a run with the next id of the day.
     *
     * @param environment where it runs, or {@code null}
     */
    public Run start(String kind, String name, String environment, String startedBy) {
        return start(kind, name, environment, startedBy, (connection, run) -> {});
    }

    /**
     * Starts a run and does {@code then} in the same transaction: when {@code then} throws, the
     * run was never started.
     */
    public Run start(String kind, String name, String environment, String startedBy, RunWork then) {
        Texts.require(kind, "run kind", 40);
        Texts.require(startedBy, "run actor", 100);
        Texts.atMost(environment, "run environment", 100);
        String maskedName = Texts.require(masker.apply(name), "run name", 200);
        // Two processes may pick the same next id; the loser of the race picks again.
        for (int attempt = 1; ; attempt++) {
            try {
                return store.transaction("start " + kind + " run " + maskedName, connection -> {
                    Run run = insert(connection, kind, maskedName, environment, startedBy);
                    then.run(connection, run);
                    return run;
                });
            } catch (StoreException e) {
                if (attempt == ATTEMPTS || !duplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    /** Ends a running run; a run ends once. */
    public Run end(String runId, String outcome, String actor) {
        return store.transaction("end run " + runId, connection -> end(connection, runId, outcome, actor));
    }

    /** Ends a running run inside the caller's {@link Store#transaction}. */
    public Run end(Connection connection, String runId, String outcome, String actor) throws SQLException {
        Texts.require(outcome, "run outcome", 40);
        Texts.require(actor, "run actor", 100);
        Instant now = journal.now();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE runs SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            update.setString(2, outcome);
            update.setString(3, runId);
            if (update.executeUpdate() == 0) {
                throw notRunning(connection, runId);
            }
        }
        journal.insert(connection, runId, "run.ended", runId, actor, json(Map.of("outcome", outcome)));
        return select(connection, runId).orElseThrow();
    }

    /** Work done inside the transaction that starts a run. */
    @FunctionalInterface
    public interface RunWork {
        void run(Connection connection, Run run) throws SQLException;
    }

    public Optional<Run> find(String runId) {
        return store.transaction("find run " + runId, connection -> select(connection, runId));
    }

    /** The newest runs first, at most {@code limit}. */
    public List<Run> recent(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return store.transaction("list runs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, id DESC LIMIT " + limit)) {
                return read(select);
            }
        });
    }

    private Run insert(Connection connection, String kind, String name, String environment, String startedBy)
            throws SQLException {
        Instant now = journal.now();
        String id = RunIds.next(connection, LocalDate.ofInstant(now, clock.getZone()));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO runs (id, kind, name, environment, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, kind);
            insert.setString(3, name);
            insert.setString(4, environment);
            insert.setString(5, startedBy);
            insert.setObject(6, now.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put("name", name);
        data.put("environment", environment);
        journal.insert(connection, id, "run.started", kind + " " + name, startedBy, json(data));
        return new Run(id, kind, name, environment, startedBy, now, null, null);
    }

    private IllegalStateException notRunning(Connection connection, String runId) throws SQLException {
        return select(connection, runId)
                .map(run -> new IllegalStateException(
                        "run " + runId + " already ended at " + run.endedAt() + " with outcome " + run.outcome()))
                .orElseGet(() -> new IllegalStateException("no run with id " + runId));
    }

    private static Optional<Run> select(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            select.setString(1, runId);
            return read(select).stream().findFirst();
        }
    }

    private static List<Run> read(PreparedStatement select) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                runs.add(new Run(
                        rows.getString("id"),
                        rows.getString("kind"),
                        rows.getString("name"),
                        rows.getString("environment"),
                        rows.getString("started_by"),
                        instant(rows, "started_at"),
                        instant(rows, "ended_at"),
                        rows.getString("outcome")));
            }
        }
        return runs;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private String json(Map<String, String> data) {
        try {
            return masker.apply(Journal.JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run data as JSON", e);
        }
    }

    private static boolean duplicateKey(StoreException e) {
        return e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState());
    }
}
