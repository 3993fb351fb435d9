package dev.golive.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Readable run ids: the day, then a counter that starts again every day, {@code 2026-11-29-001}. */
final class RunIds {
    private RunIds() {}

    static String next(Connection connection, LocalDate day) throws SQLException {
        String prefix = day + "-";
        int highest = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM runs WHERE id LIKE ?")) {
            select.setString(1, prefix + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    highest = Math.max(highest, counter(rows.getString(1), prefix));
                }
            }
        }
        return prefix + String.format("%03d", highest + 1);
    }

    private static int counter(String id, String prefix) {
        try {
            return Integer.parseInt(id.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
