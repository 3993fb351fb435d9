package dev.golive.store;

import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/** Brings the schema up to date with the scripts in {@code db/migration}, the same for H2 and PostgreSQL. */
final class Migrations {
    private static final String WHAT = "migrate the schema";

    private Migrations() {}

    static void apply(Connector connector) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(new ConnectorDataSource(connector, WHAT))
                .locations("classpath:db/migration")
                .loggers(Quiet.class.getName())
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw storeException(e)
                    .orElseGet(() -> new StoreException(
                            "Could not " + WHAT + " of store " + connector.location() + ": " + e.getMessage(), e));
        }
    }

    // Flyway's own message spans lines of SQL state and error code; the driver's says it all.
    private static String reason(FlywayException e) {
        String reason = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    // A busy or unreachable store is reported as such, not as Flyway's wrapping of it.
    private static Optional<StoreException> storeException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException found) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /**
     * Flyway's log, dropped: the CLI's output is golive's own, and every Flyway failure arrives
     * as an exception. Public only because Flyway creates it by class name.
     */
    public static final class Quiet implements LogCreator, Log {
        public Quiet() {}

        @Override
        public Log createLogger(Class<?> type) {
            return this;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}

        @Override
        public void error(String message, Exception e) {}

        @Override
        public void notice(String message) {}
    }
}
