package dev.golive.store;

import dev.golive.testsupport.TestClock;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

/** The part shared by the tests that run alike on embedded H2 and on PostgreSQL. */
abstract class StoreContract {
    @TempDir
    Path planDirectory;

    final TestClock clock = TestClock.at("2026-11-29T21:00:00Z");

    /** The store URL under test, {@code null} for embedded H2. */
    abstract String storeUrl();

    Store open() {
        return open(UnaryOperator.identity());
    }

    Store open(UnaryOperator<String> masker) {
        return Store.open(config().withMasker(masker));
    }

    StoreConfig config() {
        return StoreConfig.of(storeUrl(), planDirectory).withClock(clock);
    }
}
