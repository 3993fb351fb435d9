package dev.golive.diag;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of three report workers, each waiting for a slow query ({@code SELECT pg_sleep(…)}) on a
 * real PostgreSQL through its JDBC driver. Argument: the JDBC URL.
 */
final class SlowQueryApp {
    private static final int WORKERS = 3;

    private SlowQueryApp() {}

    public static void main(String[] arguments) {
        String url = arguments[0];
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread t = new Thread(task, "report-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < WORKERS; i++) {
            pool.submit(() -> report(url));
        }
        Apps.readyWhen(() -> inQuery() == WORKERS);
        Apps.stay();
    }

    private static void report(String url) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_sleep(300)");
        } catch (SQLException e) {
            System.err.println("report failed: " + e.getMessage());
        }
    }

    /** How many workers read the query's answer from the server's socket. */
    private static long inQuery() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("report-worker-"))
                .filter(e -> e.getValue().length > 0
                        && e.getValue()[0].getClassName().startsWith("sun.nio.ch"))
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().contains("QueryExecutorImpl")))
                .count();
    }
}
