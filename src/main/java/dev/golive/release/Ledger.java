package dev.golive.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.golive.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deploy ledger: every instance every deploy and rollback worked on, with who, when, which
 * digests, the result and the time it took; and which deploy holds each environment now.
 */
public final class Ledger {
    private static final String COLUMNS = "id, run_id, environment, instance, action, version, previous, digests,"
            + " actor, started_at, ended_at, result, detail";
    private static final int LONGEST_DETAIL = 4000;

    private final Store store;
    private final Clock clock;

    public Ledger(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Holds the environment for the run, inside the transaction that starts it.
     *
     * @throws ReleaseException when another deploy holds it
     */
    void claim(Connection c, String environment, String runId) throws SQLException {
        Optional<String> holder = active(c, environment);
        if (holder.isPresent()) {
            throw new ReleaseException("deploy " + holder.get() + " holds " + environment + ": it is running, or it"
                    + " was interrupted; see golive deployed " + environment + ", and finish it with golive deploy"
                    + " --resume --env " + environment);
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO active_deploys (environment, run_id) VALUES (?, ?)")) {
            s.setString(1, environment);
            s.setString(2, runId);
            s.executeUpdate();
        }
    }

    /** Lets the environment go at the end of the run. */
    void release(Connection c, String environment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM active_deploys WHERE environment = ?")) {
            s.setString(1, environment);
            s.executeUpdate();
        }
    }

    /** The run that holds the environment: one that runs, or one that was killed. */
    public Optional<String> active(String environment) {
        return store.transaction("find the deploy of " + environment, c -> active(c, environment));
    }

    private static Optional<String> active(Connection c, String environment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM active_deploys WHERE environment = ?")) {
            s.setString(1, environment);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records that an instance is begun; returns the entry's id. */
    long begin(
            String runId,
            String environment,
            String instance,
            String action,
            Release release,
            String previous,
            String actor) {
        return store.transaction("record the deploy of " + instance, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO deploys (run_id, environment, instance, action, version, previous, digests, actor,"
                            + " started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                s.setString(1, runId);
                s.setString(2, environment);
                s.setString(3, instance);
                s.setString(4, action);
                s.setString(5, release.version());
                s.setString(6, previous);
                s.setString(7, Releases.json(release.digests()));
                s.setString(8, actor);
                s.setObject(9, now().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Records how an instance ended. */
    void end(long id, String result, String detail) {
        store.transaction("record the end of deploy entry " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE deploys SET ended_at = ?, result = ?, detail = ? WHERE id = ? AND ended_at IS NULL")) {
                s.setObject(1, now().atOffset(ZoneOffset.UTC));
                s.setString(2, result);
                s.setString(3, detail.length() > LONGEST_DETAIL ? detail.substring(0, LONGEST_DETAIL) : detail);
                s.setLong(4, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Every entry, oldest first; of one environment, or of all when {@code environment} is null. */
    public List<LedgerEntry> entries(String environment) {
        return store.transaction("read the deploy ledger", c -> {
            String where = environment == null ? "" : " WHERE environment = ?";
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM deploys" + where + " ORDER BY id")) {
                if (environment != null) {
                    s.setString(1, environment);
                }
                return read(s);
            }
        });
    }

    /** The entries of one run, oldest first. */
    public List<LedgerEntry> run(String runId) {
        return store.transaction("read deploy " + runId, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM deploys WHERE run_id = ? ORDER BY id")) {
                s.setString(1, runId);
                return read(s);
            }
        });
    }

    /** What each instance of the environment runs by the ledger: its last entry that ended well. */
    public Map<String, LedgerEntry> current(String environment) {
        Map<String, LedgerEntry> out = new LinkedHashMap<>();
        for (LedgerEntry e : entries(environment)) {
            if (e.ok()) {
                out.put(e.instance(), e);
            }
        }
        return out;
    }

    /** The last entry of each instance of the environment, whatever its result. */
    public Map<String, LedgerEntry> latest(String environment) {
        Map<String, LedgerEntry> out = new LinkedHashMap<>();
        entries(environment).forEach(e -> out.put(e.instance(), e));
        return out;
    }

    private static List<LedgerEntry> read(PreparedStatement s) throws SQLException {
        List<LedgerEntry> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new LedgerEntry(
                        r.getLong("id"),
                        r.getString("run_id"),
                        r.getString("environment"),
                        r.getString("instance"),
                        r.getString("action"),
                        r.getString("version"),
                        r.getString("previous"),
                        digests(r.getString("digests")),
                        r.getString("actor"),
                        instant(r, "started_at"),
                        instant(r, "ended_at"),
                        r.getString("result"),
                        r.getString("detail")));
            }
        }
        return out;
    }

    private static Map<String, String> digests(String json) {
        try {
            return Releases.JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the deploy ledger holds digests that are not JSON: " + json, e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
