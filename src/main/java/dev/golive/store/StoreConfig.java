package dev.golive.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How to open a {@link Store}.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://} URL, or {@code null} for the embedded H2 store in
 *     {@code planDirectory/.golive/}
 * @param planDirectory the directory of the plan file; required for the embedded store
 * @param masker hides secrets in journal subjects and data before they are written
 * @param lockTimeout how long to wait for another golive process to release the embedded store
 * @param clock the time of journal entries and runs
 */
public record StoreConfig(
        String jdbcUrl, Path planDirectory, UnaryOperator<String> masker, Duration lockTimeout, Clock clock) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    public StoreConfig {
        if (jdbcUrl == null) {
            Objects.requireNonNull(planDirectory, "planDirectory is required for the embedded H2 store");
        } else if (!jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("unsupported store URL '" + JdbcUrls.mask(jdbcUrl)
                    + "', expected jdbc:postgresql://host[:port]/database, or none for the embedded H2 store");
        }
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(clock, "clock");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative, was " + lockTimeout);
        }
    }

    /** The defaults: no masking, {@link #DEFAULT_LOCK_TIMEOUT}, the system clock in the local zone. */
    public static StoreConfig of(String jdbcUrl, Path planDirectory) {
        return new StoreConfig(
                jdbcUrl, planDirectory, UnaryOperator.identity(), DEFAULT_LOCK_TIMEOUT, Clock.systemDefaultZone());
    }

    public StoreConfig withMasker(UnaryOperator<String> masker) {
        return new StoreConfig(jdbcUrl, planDirectory, masker, lockTimeout, clock);
    }

    public StoreConfig withLockTimeout(Duration lockTimeout) {
        return new StoreConfig(jdbcUrl, planDirectory, masker, lockTimeout, clock);
    }

    public StoreConfig withClock(Clock clock) {
        return new StoreConfig(jdbcUrl, planDirectory, masker, lockTimeout, clock);
    }

    @Override
    public String toString() {
        return "StoreConfig[" + (jdbcUrl == null ? "H2 in " + planDirectory : JdbcUrls.mask(jdbcUrl)) + "]";
    }
}
