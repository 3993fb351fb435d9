package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.golive.testsupport.PostgresServer;
import dev.golive.testsupport.PostgresServerExtension;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only a PostgreSQL store does. */
@ExtendWith(PostgresServerExtension.class)
class PostgresStoreTest {

    @Test
    void locationIsTheUrlWithItsPasswordMasked(PostgresServer postgres) {
        String url = postgres.createDatabase();

        Store store = Store.open(url, null, UnaryOperator.identity());

        assertThat(store.location())
                .isEqualTo(url.replace(PostgresServer.PASSWORD, "****"))
                .doesNotContain(PostgresServer.PASSWORD);
    }

    @Test
    void needsNoPlanDirectory(PostgresServer postgres) {
        Store store = Store.open(postgres.createDatabase(), null, UnaryOperator.identity());

        assertThat(store.journal().append(null, "check.passed", "db", "alice", "{}"))
                .isPositive();
    }
}
