package dev.golive.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * golive's database: the journal, the runs, and the tables of the features. Embedded H2 in
 * {@code .golive/} beside the plan by default, or PostgreSQL for a team. Nothing is held open
 * between units of work, so several golive processes can share one store.
 */
public final class Store {
    private final StoreConfig config;
    private final Connector connector;
    private final Journal journal;
    private final Runs runs;
    private final LoadSeries loadSeries;

    private Store(StoreConfig config, Connector connector) {
        this.config = config;
        this.connector = connector;
        this.journal = new Journal(this, config.masker(), config.clock());
        this.runs = new Runs(this, journal, config.masker(), config.clock());
        this.loadSeries = new LoadSeries(this);
    }

    /**
     * Opens the store, creating it and bringing its schema up to date as needed.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://} URL, or {@code null} for embedded H2
     * @param planDirectory where {@code .golive/} goes for embedded H2
     * @param masker hides secrets in journal subjects and data
     */
    public static Store open(String jdbcUrl, Path planDirectory, UnaryOperator<String> masker) {
        return open(StoreConfig.of(jdbcUrl, planDirectory).withMasker(masker));
    }

    public static Store open(StoreConfig config) {
        return open(config, Connector.of(config));
    }

    /** The embedded store, compacted from {@code compactAbove} bytes on instead of {@link H2Connector#COMPACT_ABOVE}. */
    static Store openEmbedded(StoreConfig config, long compactAbove) {
        return open(
                config, new H2Connector(config.planDirectory(), config.lockTimeout(), config.masker(), compactAbove));
    }

    private static Store open(StoreConfig config, Connector connector) {
        if (connector instanceof H2Connector embedded) {
            embedded.createIfMissing(Migrations::apply);
        }
        Migrations.apply(connector);
        return new Store(config, connector);
    }

    /** Where the store is, safe to print: for example {@code H2 /srv/shop/.golive/store}. */
    public String location() {
        return connector.location();
    }

    public Journal journal() {
        return journal;
    }

    public Runs runs() {
        return runs;
    }

    public LoadSeries loadSeries() {
        return loadSeries;
    }

    /**
     * Runs {@code work} in one transaction on a connection of its own, committed when it
     * returns and rolled back when it throws.
     *
     * @param what the work in a few words, for messages: "record the deploy of 1.4.2"
     */
    public <T> T transaction(String what, Work<T> work) {
        try (Connection connection = connector.open(what)) {
            return inTransaction(connection, work);
        } catch (SQLException e) {
            String reason = config.masker().apply(JdbcUrls.mask(String.valueOf(e.getMessage())));
            throw new StoreException("Could not " + what + " in store " + location() + ": " + reason, e);
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work done on one connection inside {@link #transaction}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public String toString() {
        return "Store[" + location() + "]";
    }
}
