package dev.golive.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens one connection for one unit of work; nothing stays open between units. */
interface Connector {

    /** @param what the unit of work, for the message if the store cannot be opened */
    Connection open(String what) throws SQLException;

    /** Where the store is, safe to print: passwords masked. */
    String location();

    static Connector of(StoreConfig config) {
        if (config.jdbcUrl() == null) {
            return new H2Connector(config.planDirectory(), config.lockTimeout(), config.masker());
        }
        return new PostgresConnector(config.jdbcUrl());
    }
}
