package dev.golive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.golive.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

    @Test
    void rejectsAnUnsupportedUrlQuotingItMasked() {
        assertThatThrownBy(() -> StoreConfig.of("jdbc:mysql://db/golive?password=s3cret", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported store URL 'jdbc:mysql://db/golive?password=****', expected"
                        + " jdbc:postgresql://host[:port]/database, or none for the embedded H2 store");
    }

    @Test
    void requiresThePlanDirectoryForTheEmbeddedStore() {
        assertThatThrownBy(() -> StoreConfig.of(null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("planDirectory is required for the embedded H2 store");
    }

    @Test
    void showsNoPasswordWhenPrinted() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db/golive?user=ops&password=s3cret", null);

        assertThat(config.toString()).isEqualTo("StoreConfig[jdbc:postgresql://db/golive?user=ops&password=****]");
    }

    @Test
    void saysWhichStoreCouldNotBeReachedWithoutItsPassword() throws IOException {
        int closedPort = Ports.closed();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/golive?user=ops&password=s3cret";

        assertThatThrownBy(() -> Store.open(url, Path.of("."), UnaryOperator.identity()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not migrate the schema of store jdbc:postgresql://127.0.0.1:"
                        + closedPort + "/golive?user=ops&password=****: ")
                .hasMessageNotContaining("s3cret");
    }
}
