package dev.golive.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A new connection per unit of work, like the embedded store: golive writes a few entries a
 * second at most, a PostgreSQL connection costs a few milliseconds, and a connection that is
 * never kept cannot go stale behind a firewall during a long night.
 */
final class PostgresConnector implements Connector {
    private final String url;

    PostgresConnector(String url) {
        this.url = url;
    }

    @Override
    public Connection open(String what) throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public String location() {
        return JdbcUrls.mask(url);
    }
}
