package dev.golive.check;

import dev.golive.plan.Check;
import dev.golive.plan.Environment;
import dev.golive.plan.Service;
import dev.golive.plan.ServiceKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** {@code db: SQL}: runs the query on a jdbc service and judges the first column of the first row. */
final class DbProbe implements Probe {
    private final Environment environment;

    DbProbe(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<CheckResult> run(Check check) {
        long start = System.nanoTime();
        Service db = database(check);
        String subject = db.name();
        Properties login = new Properties();
        db.setting("user").ifPresent(u -> login.setProperty("user", u));
        db.setting("password").ifPresent(p -> login.setProperty("password", p));
        DriverManager.setLoginTimeout((int) Math.max(1, check.timeout().toSeconds()));
        try (Connection c = DriverManager.getConnection(db.setting("url").orElseThrow(), login);
                Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, check.timeout().toSeconds()));
            try (ResultSet r = s.executeQuery(check.target())) {
                String value = r.next() ? r.getString(1) : null;
                return List.of(Probe.judged(check, subject, value, "query answered", start));
            }
        } catch (SQLException e) {
            return List.of(
                    Probe.red(check, subject, "database " + db.name() + ": " + firstLine(e.getMessage()), start));
        }
    }

    private Service database(Check check) {
        if (check.service() != null) {
            Service s = environment.services().get(check.service());
            if (s == null || s.kind() != ServiceKind.JDBC) {
                throw new IllegalArgumentException(
                        "environment " + environment.name() + " has no jdbc service named '" + check.service() + "'");
            }
            return s;
        }
        List<Service> all = environment.services().values().stream()
                .filter(s -> s.kind() == ServiceKind.JDBC)
                .toList();
        if (all.size() != 1) {
            throw new IllegalArgumentException("check '" + check.name() + "' must name its database with service: ("
                    + all.size() + " jdbc services in " + environment.name() + ")");
        }
        return all.get(0);
    }

    private static String firstLine(String s) {
        return s == null ? "failed" : s.lines().findFirst().orElse(s);
    }
}
