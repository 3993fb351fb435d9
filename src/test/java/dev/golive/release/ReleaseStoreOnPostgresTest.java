package dev.golive.release;

import dev.golive.testsupport.PostgresServer;
import dev.golive.testsupport.PostgresServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresServerExtension.class)
class ReleaseStoreOnPostgresTest extends ReleaseStoreContract {
    private String url;

    @BeforeEach
    void createDatabase(PostgresServer postgres) {
        url = postgres.createDatabase();
    }

    @Override
    String storeUrl() {
        return url;
    }
}
