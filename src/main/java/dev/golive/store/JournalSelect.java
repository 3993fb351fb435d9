package dev.golive.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The SELECT for one {@link JournalQuery}. */
final class JournalSelect {
    private final JournalQuery query;
    private final List<Object> parameters = new ArrayList<>();
    private final StringBuilder sql =
            new StringBuilder("SELECT seq, at, run_id, kind, subject, actor, data FROM journal WHERE 1 = 1");

    JournalSelect(JournalQuery query) {
        this.query = query;
        where("run_id", query.runId());
        where("kind", query.kind());
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            parameters.add(query.since().atOffset(ZoneOffset.UTC));
        }
        // With a limit, the newest entries are wanted: take them from the end and turn them round.
        sql.append(query.limit() > 0 ? " ORDER BY seq DESC LIMIT " + query.limit() : " ORDER BY seq");
    }

    List<JournalEntry> run(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<JournalEntry> entries = read(select);
            if (query.limit() > 0) {
                Collections.reverse(entries);
            }
            return entries;
        }
    }

    private void where(String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    private static List<JournalEntry> read(PreparedStatement select) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new JournalEntry(
                        rows.getLong("seq"),
                        rows.getObject("at", OffsetDateTime.class).toInstant(),
                        rows.getString("run_id"),
                        rows.getString("kind"),
                        rows.getString("subject"),
                        rows.getString("actor"),
                        rows.getString("data")));
            }
        }
        return entries;
    }
}
