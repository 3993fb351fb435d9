package dev.golive.target;

import dev.golive.plan.Service;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** The services reached at an address rather than run on hosts: a database, an HTTP endpoint. */
final class ByAddress {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private ByAddress() {}

    static ServiceOutcome status(Service service) {
        return switch (service.kind()) {
            case JDBC -> connect(service);
            case HTTP -> answers(service);
            default -> throw new IllegalArgumentException(service.name() + " runs on hosts");
        };
    }

    /** The database accepts a login and answers. */
    private static ServiceOutcome connect(Service db) {
        long start = System.nanoTime();
        String url = db.setting("url").orElseThrow();
        Properties login = new Properties();
        db.setting("user").ifPresent(u -> login.setProperty("user", u));
        db.setting("password").ifPresent(p -> login.setProperty("password", p));
        DriverManager.setLoginTimeout((int) CONNECT_TIMEOUT.toSeconds());
        try (Connection c = DriverManager.getConnection(url, login)) {
            DatabaseMetaData meta = c.getMetaData();
            String detail = "connected to " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                    + " as " + meta.getUserName();
            return ServiceOutcome.of(db.name(), ServiceAction.STATUS, c.isValid(5), detail, start);
        } catch (SQLException e) {
            String why = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            return ServiceOutcome.of(
                    db.name(),
                    ServiceAction.STATUS,
                    false,
                    "cannot connect to " + withoutParameters(url) + ": " + why,
                    start);
        }
    }

    /** The endpoint answers a GET with a status below 400. */
    private static ServiceOutcome answers(Service http) {
        long start = System.nanoTime();
        String url = http.setting("url").orElseThrow();
        HealthWait.Answer a = new HealthWait(url, null).ask(CONNECT_TIMEOUT);
        boolean ok = a.failure() == null && a.status() < 400;
        return ServiceOutcome.of(http.name(), ServiceAction.STATUS, ok, a.describe(url, null), start);
    }

    /** The health URL of an http service: its {@code health} path on its {@code url}. */
    static String healthUrl(Service http) {
        String url = http.setting("url").orElseThrow();
        String health = http.health();
        if (health == null) {
            return url;
        }
        if (health.startsWith("http://") || health.startsWith("https://")) {
            return health;
        }
        return url.replaceAll("/+$", "") + (health.startsWith("/") ? health : "/" + health);
    }

    /** A JDBC URL without its parameters, where passwords may be written. */
    private static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return (q < 0 ? url : url.substring(0, q)).replaceAll("//[^/@]*@", "//");
    }
}
