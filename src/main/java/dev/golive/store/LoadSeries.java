package dev.golive.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-second figures of load test runs: what the generator did each second, and each
 * transaction's and request's histograms. Written while the test runs, a few seconds at a time.
 */
public final class LoadSeries {
    private static final String INSERT_SECOND = "INSERT INTO load_seconds"
            + " (run_id, sec, wanted, arrivals, late, dropped, active, cpu) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SERIES = "INSERT INTO load_series"
            + " (run_id, sec, kind, name, passed, failed, errors, times, service) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int LONGEST_NAME = 1000;

    private final Store store;

    LoadSeries(Store store) {
        this.store = store;
    }

    /**
     * One second of the generator.
     *
     * @param second seconds since the start
     * @param wanted what the phases asked for: arrivals per second or users
     * @param arrivals iterations started
     * @param late arrivals started late
     * @param dropped arrivals dropped
     * @param active users running
     * @param cpu the generator's share of all CPUs, -1 when unknown
     */
    public record Second(int second, double wanted, long arrivals, long late, long dropped, int active, double cpu) {}

    /**
     * One transaction's or request's second.
     *
     * @param second seconds since the start
     * @param kind {@code transaction}, {@code request} or {@code overall}
     * @param name its name
     * @param passed how many passed
     * @param failed how many failed
     * @param errors the failures by kind, as a JSON object
     * @param times the response-time histogram, encoded
     * @param service the service-time histogram, encoded
     */
    public record Row(
            int second,
            String kind,
            String name,
            long passed,
            long failed,
            String errors,
            String times,
            String service) {}

    /** Stores seconds of a run in one transaction. */
    public void append(String runId, List<Second> seconds, List<Row> rows) {
        if (seconds.isEmpty() && rows.isEmpty()) {
            return;
        }
        store.transaction("store the figures of load run " + runId, connection -> {
            insertSeconds(connection, runId, seconds);
            insertRows(connection, runId, rows);
            return null;
        });
    }

    private static void insertSeconds(Connection connection, String runId, List<Second> seconds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SECOND)) {
            for (Second s : seconds) {
                insert.setString(1, runId);
                insert.setInt(2, s.second());
                insert.setDouble(3, s.wanted());
                insert.setLong(4, s.arrivals());
                insert.setLong(5, s.late());
                insert.setLong(6, s.dropped());
                insert.setInt(7, s.active());
                insert.setDouble(8, s.cpu());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertRows(Connection connection, String runId, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SERIES)) {
            for (Row r : rows) {
                insert.setString(1, runId);
                insert.setInt(2, r.second());
                insert.setString(3, r.kind());
                insert.setString(4, Texts.atMost(r.name(), "load series name", LONGEST_NAME));
                insert.setLong(5, r.passed());
                insert.setLong(6, r.failed());
                insert.setString(7, r.errors());
                insert.setString(8, r.times());
                insert.setString(9, r.service());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every second of a run's generator, in order. */
    public List<Second> seconds(String runId) {
        return store.transaction("read the seconds of load run " + runId, connection -> {
            List<Second> out = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sec, wanted, arrivals, late, dropped, active, cpu FROM load_seconds"
                            + " WHERE run_id = ? ORDER BY sec")) {
                select.setString(1, runId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Second(
                                rs.getInt(1),
                                rs.getDouble(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getInt(6),
                                rs.getDouble(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Every transaction's and request's seconds of a run, by second. */
    public Map<Integer, List<Row>> rows(String runId) {
        return store.transaction("read the figures of load run " + runId, connection -> {
            Map<Integer, List<Row>> out = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sec, kind, name, passed, failed, errors, times, service FROM load_series"
                            + " WHERE run_id = ? ORDER BY sec, kind, name")) {
                select.setString(1, runId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Row row = new Row(
                                rs.getInt(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8));
                        out.computeIfAbsent(row.second(), s -> new ArrayList<>())
                                .add(row);
                    }
                }
            }
            return out;
        });
    }
}
