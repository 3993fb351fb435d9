package dev.golive.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVStoreTool;

/**
 * The embedded store, {@code .golive/store.mv.db} beside the plan. H2 lets one process at a time
 * open the file (AUTO_SERVER would lift that but listens on a non-loopback address), so each unit
 * of work opens and closes the database, and a process that finds it busy waits its turn.
 */
final class H2Connector implements Connector {
    static final int DATABASE_ALREADY_OPEN = 90020;

    // WRITE_DELAY=0: a commit reaches the file before commit() returns, even while another
    //   thread keeps the database open, so a killed process loses no committed entry.
    // MAX_COMPACT_TIME=0: H2 does not compact when it closes. Its compaction moves chunks inside
    //   the live file, and golive processes killed during it lost every entry they had committed
    //   since they started. golive compacts by copying instead (compactIfGrown).
    // TRACE_LEVEL_FILE=0: no store.trace.db filling up with expected lock conflicts.
    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private static final String NAME = "store";
    private static final String FILE_SUFFIX = ".mv.db";
    private static final String NEW_PREFIX = "store-new-";

    /** The store is compacted once it is this large and twice its size after the last compaction. */
    static final long COMPACT_ABOVE = 8L << 20;

    private final Path directory;
    private final String name;
    private final String url;
    private final Duration lockTimeout;
    private final UnaryOperator<String> masker;
    private final StoreOwner owner;
    private final StoreLock turn;
    private final long compactAbove;

    H2Connector(Path planDirectory, Duration lockTimeout, UnaryOperator<String> masker) {
        this(planDirectory, lockTimeout, masker, COMPACT_ABOVE);
    }

    H2Connector(Path planDirectory, Duration lockTimeout, UnaryOperator<String> masker, long compactAbove) {
        this(planDirectory.toAbsolutePath().normalize().resolve(".golive"), NAME, lockTimeout, masker, compactAbove);
    }

    private H2Connector(
            Path directory, String name, Duration lockTimeout, UnaryOperator<String> masker, long compactAbove) {
        this.directory = directory;
        if (directory.toString().contains(";")) {
            throw new IllegalArgumentException("the store directory must not contain ';': " + directory);
        }
        this.name = name;
        this.url = "jdbc:h2:file:" + directory.resolve(name) + SETTINGS;
        this.lockTimeout = lockTimeout;
        this.masker = masker;
        this.owner = new StoreOwner(directory.resolve(name + ".owner"), masker);
        this.turn = StoreLock.of(directory.resolve(name + ".lock"));
        this.compactAbove = compactAbove;
    }

    /**
     * Creates the store when it does not exist yet. H2 commits each statement of a schema script
     * on its own, so a golive killed while creating the store in place would leave half a schema
     * that no later run could migrate. The store is therefore built under a name of its own and
     * moved into place only once its schema is complete.
     */
    void createIfMissing(Consumer<Connector> migrate) {
        Path file = directory.resolve(NAME + FILE_SUFFIX);
        if (Files.exists(file)) {
            return;
        }
        createDirectory("create the store");
        removeAbandoned();
        String fresh = NEW_PREFIX + ProcessHandle.current().pid();
        Path freshFile = directory.resolve(fresh + FILE_SUFFIX);
        try {
            migrate.accept(new H2Connector(directory, fresh, lockTimeout, masker, Long.MAX_VALUE));
            Files.move(freshFile, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another golive created the store at the same moment; theirs is as good as ours.
        } catch (IOException e) {
            throw new StoreException("Could not create the store " + location() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(freshFile);
            deleteQuietly(directory.resolve(fresh + ".owner"));
            deleteQuietly(directory.resolve(fresh + ".lock"));
        }
    }

    /** Removes stores left half-built by a golive that was killed while creating one. */
    private void removeAbandoned() {
        try (var files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().startsWith(NEW_PREFIX))
                    .filter(f -> !creatorAlive(f.getFileName().toString()))
                    .forEach(H2Connector::deleteQuietly);
        } catch (IOException e) {
            // Leftovers only take room; the new store does not depend on them being gone.
        }
    }

    private static boolean creatorAlive(String fileName) {
        String pid = fileName.substring(NEW_PREFIX.length()).replaceAll("\\..*$", "");
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A file that cannot be removed now is removed by the next creation.
        }
    }

    @Override
    public Connection open(String what) throws SQLException {
        createDirectory(what);
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        long pause = FIRST_PAUSE.toNanos();
        while (true) {
            SQLException refused = null;
            if (tryTurn(what)) {
                try {
                    Connection connection = DriverManager.getConnection(url);
                    owner.claim();
                    return TurnConnection.wrap(connection, () -> turn.release(this::compactIfGrown));
                } catch (SQLException | RuntimeException e) {
                    turn.release(() -> {});
                    if (!(e instanceof SQLException sql) || sql.getErrorCode() != DATABASE_ALREADY_OPEN) {
                        throw e;
                    }
                    refused = sql; // a process that does not take golive's turn, such as an H2 console
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw busy(what, refused);
            }
            sleep(pause, what);
            pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
        }
    }

    private boolean tryTurn(String what) {
        try {
            return turn.tryAcquire();
        } catch (IOException e) {
            throw new StoreException(
                    "Could not " + what + ": cannot lock " + directory.resolve(name + ".lock") + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Compacts the store once it has grown to twice its size after the last compaction (and to at
     * least {@code compactAbove}, by default {@link #COMPACT_ABOVE}), by H2's own full compaction:
     * live data is copied into a new file that then replaces the store in one atomic rename. A
     * golive killed meanwhile leaves the store as it was. Runs as the last connection of this
     * process closes, before its turn ends, so no other golive has the store open.
     */
    private void compactIfGrown() {
        Path file = directory.resolve(name + FILE_SUFFIX);
        Path record = directory.resolve(name + ".compacted");
        try {
            // Checked at every last close: the record is read only once the file is large enough.
            long size = Files.size(file);
            if (size < compactAbove || size < 2 * compactedSize(record)) {
                return;
            }
            MVStoreTool.compact(file.toString(), false);
            try (FileChannel compacted = FileChannel.open(file, StandardOpenOption.WRITE)) {
                compacted.force(true);
            }
            Files.writeString(record, Files.size(file) + "\n");
        } catch (IOException | RuntimeException e) {
            // The store works uncompacted; the next golive to close it last tries again.
        }
    }

    private static long compactedSize(Path record) {
        try {
            return Long.parseLong(Files.readString(record).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String location() {
        return "H2 " + directory.resolve(name);
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
