package dev.golive.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The embedded store, {@code .golive/store.mv.db} beside the plan. H2 lets one process at a time
 * open the file (AUTO_SERVER would lift that but listens on a non-loopback address), so each unit
 * of work opens and closes the database, and a process that finds it busy waits its turn.
 */
final class H2Connector implements Connector {
    static final int DATABASE_ALREADY_OPEN = 90020;

    // WRITE_DELAY=0: a commit reaches the file before commit() returns, even while another
    //   thread keeps the database open, so a killed process loses no committed entry.
    // MAX_COMPACT_TIME=20: closing compacts for at most 20 ms instead of 200 ms, which keeps
    //   the file small while holding the lock only briefly.
    // TRACE_LEVEL_FILE=0: no store.trace.db filling up with expected lock conflicts.
    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;MAX_COMPACT_TIME=20;TRACE_LEVEL_FILE=0";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private final Path directory;
    private final String url;
    private final Duration lockTimeout;
    private final StoreOwner owner;

    H2Connector(Path planDirectory, Duration lockTimeout, UnaryOperator<String> masker) {
        this.directory = planDirectory.toAbsolutePath().normalize().resolve(".golive");
        if (directory.toString().contains(";")) {
            throw new IllegalArgumentException("the store directory must not contain ';': " + directory);
        }
        this.url = "jdbc:h2:file:" + directory.resolve("store") + SETTINGS;
        this.lockTimeout = lockTimeout;
        this.owner = new StoreOwner(directory.resolve("store.owner"), masker);
    }

    @Override
    public Connection open(String what) throws SQLException {
        createDirectory(what);
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        long pause = FIRST_PAUSE.toNanos();
        while (true) {
            try {
                Connection connection = DriverManager.getConnection(url);
                owner.claim();
                return connection;
            } catch (SQLException e) {
                if (e.getErrorCode() != DATABASE_ALREADY_OPEN) {
                    throw e;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw busy(what, e);
                }
                sleep(pause, what);
                pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
            }
        }
    }

    @Override
    public String location() {
        return "H2 " + directory.resolve("store");
    }

    private void createDirectory(String what) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Could not " + what + ": cannot create the store directory " + directory, e);
        }
    }

    private StoreException busy(String what, SQLException cause) {
        String holder = owner.describeOther().map(h -> " (" + h + ")").orElse("");
        return new StoreException(
                "Could not " + what + ": store " + location() + " is in use by another process"
                        + holder + " for more than " + lockTimeout.toMillis()
                        + " ms; wait for it to finish and try again, "
                        + "or use a PostgreSQL store for a team",
                cause);
    }

    // Jitter keeps two waiting processes from retrying in lockstep.
    private void sleep(long nanos, String what) {
        try {
            long jittered = nanos / 2 + ThreadLocalRandom.current().nextLong(nanos);
            Thread.sleep(Duration.ofNanos(jittered));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Could not " + what + ": interrupted while waiting for store " + location(), e);
        }
    }
}
