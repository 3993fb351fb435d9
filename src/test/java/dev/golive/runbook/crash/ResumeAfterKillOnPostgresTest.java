package dev.golive.runbook.crash;

import dev.golive.testsupport.PostgresServer;
import dev.golive.testsupport.PostgresServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresServerExtension.class)
class ResumeAfterKillOnPostgresTest extends ResumeAfterKillContract {
    private PostgresServer postgres;

    @BeforeEach
    void useServer(PostgresServer postgres) {
        this.postgres = postgres;
    }

    @Override
    String newStore() {
        return postgres.createDatabase();
    }

    // A hundred databases would fill the cluster; a killed walk's connection is cut by FORCE.
    @Override
    void dropStore(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + " on " + postgres, e);
        }
    }

    @Override
    long seed() {
        return 20_261_000L;
    }
}
