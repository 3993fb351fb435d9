package dev.golive.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the Debian package, private to the test run: a fresh cluster in a
 * temporary directory, listening on 127.0.0.1 and a free port, with password authentication.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 * Use it through {@link PostgresServerExtension}, which starts one per test run.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "golive";
    public static final String PASSWORD = "golive-test-password";

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String INSTALL_HINT = "PostgreSQL server not found: apt-get install postgresql";
    private static final int START_ATTEMPTS = 3;

    private final Path bin;
    private final Path directory;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread stopAtExit;

    private PostgresServer(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.stopAtExit = new Thread(() -> stop("immediate"), "stop PostgreSQL on port " + port);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Creates a cluster and starts it; fails, saying how to install it, when PostgreSQL is missing. */
    public static PostgresServer start() {
        Path bin = newestBin();
        Path directory = newDirectory();
        try {
            initdb(bin, directory);
            return startOnFreePort(bin, directory);
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    private static void initdb(Path bin, Path directory) {
        OsCommand.run(asServerUser(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                directory.resolve("data").toString(),
                "-U",
                USER,
                "--pwfile=" + passwordFile(directory),
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync")));
    }

    public int port() {
        return port;
    }

    /** The URL of an existing database, with the credentials as parameters. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER + "&password=" + PASSWORD;
    }

    /** Creates a new, empty database and returns its URL; one per test keeps tests apart. */
    public String createDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + this, e);
        }
        return jdbcUrl(name);
    }

    @Override
    public void close() {
        stop("fast");
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds the server stopped
        }
        deleteRecursively(directory);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + bin.getParent().getFileName() + " on 127.0.0.1:" + port + " in " + directory;
    }

    private static PostgresServer startOnFreePort(Path bin, Path directory) {
        // A free port can be taken by someone else before the server binds it: try another.
        for (int attempt = 1; ; attempt++) {
            int port = Ports.free();
            OsCommand.Result started = OsCommand.tryRun(asServerUser(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    directory.resolve("data").toString(),
                    "-l",
                    directory.resolve("postgres.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c fsync=off",
                    "start")));
            if (started.exitCode() == 0) {
                return new PostgresServer(bin, directory, port);
            }
            if (attempt == START_ATTEMPTS) {
                throw new IllegalStateException(
                        "PostgreSQL did not start: " + started.output() + "\n" + log(directory));
            }
        }
    }

    private void stop(String mode) {
        if (Files.exists(directory.resolve("data/postmaster.pid"))) {
            OsCommand.tryRun(asServerUser(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    directory.resolve("data").toString(),
                    "-m",
                    mode,
                    "-w",
                    "-t",
                    "60",
                    "stop")));
        }
    }

    private static Path newestBin() {
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
                    .max(Comparator.comparing(PostgresServer::majorVersion))
                    .orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        } catch (IOException e) {
            throw new IllegalStateException(INSTALL_HINT, e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Path newDirectory() {
        try {
            Path directory = Files.createTempDirectory("golive-postgres-");
            if (isRoot()) {
                Files.setOwner(directory, serverUser());
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for PostgreSQL", e);
        }
    }

    private static String passwordFile(Path directory) {
        try {
            Path file = Files.writeString(directory.resolve("password"), PASSWORD + "\n");
            if (isRoot()) {
                Files.setOwner(file, serverUser());
            }
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PostgreSQL password file", e);
        }
    }

    private static UserPrincipal serverUser() throws IOException {
        try {
            return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "PostgreSQL refuses to run as root and there is no postgres user: apt-get install postgresql", e);
        }
    }

    private static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        return asPostgres;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String log(Path directory) {
        try {
            return Files.readString(directory.resolve("postgres.log"));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
