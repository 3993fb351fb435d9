package dev.golive.web;

import dev.golive.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The dashboard's users, kept in the store with an Argon2 hash of their password (salted, memory
 * hard; the encoded hash carries its own parameters). The password itself is neither stored nor
 * logged. Every change is journaled with who made it.
 */
public final class Users {
    static final int SHORTEST_PASSWORD = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    // Checked against when the name is unknown, so that a wrong name costs the same as a wrong password.
    private static final String DUMMY = ENCODER.encode("golive-no-such-user-password");

    private final Store store;
    private final Clock clock;

    public Users(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds a user, or refuses when the name is taken or the password too short. */
    public User add(String name, Role role, char[] password, String actor) {
        checkName(name);
        checkPassword(password);
        String hash = ENCODER.encode(new String(password));
        User user = new User(name, role, actor, clock.instant());
        store.transaction("add dashboard user " + name, c -> {
            if (find(c, name).isPresent()) {
                throw new IllegalArgumentException("user " + name + " exists already; `golive user password " + name
                        + "` sets a new password, `golive user role` another role");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dashboard_users (name, role, password_hash,"
                    + " created_by, created_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, name);
                s.setString(2, role.word());
                s.setString(3, hash);
                s.setString(4, actor);
                s.setObject(5, user.createdAt().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            store.journal().append(c, null, "user.added", name, actor, "{\"role\":\"" + role.word() + "\"}");
            return null;
        });
        return user;
    }

    /** Sets a new password. */
    public void password(String name, char[] password, String actor) {
        checkPassword(password);
        String hash = ENCODER.encode(new String(password));
        change(name, "UPDATE dashboard_users SET password_hash = ? WHERE name = ?", hash, "user.password", "{}", actor);
    }

    /** Gives a user another role. */
    public void role(String name, Role role, String actor) {
        change(
                name,
                "UPDATE dashboard_users SET role = ? WHERE name = ?",
                role.word(),
                "user.role",
                "{\"role\":\"" + role.word() + "\"}",
                actor);
    }

    /** Removes a user; their sessions end at their next request. */
    public void remove(String name, String actor) {
        store.transaction("remove dashboard user " + name, c -> {
            existing(c, name);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM dashboard_users WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            store.journal().append(c, null, "user.removed", name, actor, "{}");
            return null;
        });
    }

    public List<User> list() {
        return store.transaction("list dashboard users", c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT name, role, created_by, created_at FROM dashboard_users ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(user(r));
                }
            }
            return out;
        });
    }

    public Optional<User> find(String name) {
        return store.transaction("find dashboard user " + name, c -> find(c, name));
    }

    /** The user when the password is theirs; empty for an unknown name or a wrong password alike. */
    public Optional<User> verify(String name, char[] password) {
        record Row(User user, String hash) {}
        Optional<Row> row = store.transaction("check the password of " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, role, created_by, created_at, password_hash FROM dashboard_users WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Row(user(r), r.getString("password_hash"))) : Optional.empty();
                }
            }
        });
        String given = new String(password);
        boolean matches = ENCODER.matches(given, row.map(Row::hash).orElse(DUMMY));
        return matches ? row.map(Row::user) : Optional.empty();
    }

    private void change(String name, String sql, String value, String kind, String data, String actor) {
        store.transaction("change dashboard user " + name, c -> {
            existing(c, name);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, value);
                s.setString(2, name);
                s.executeUpdate();
            }
            store.journal().append(c, null, kind, name, actor, data);
            return null;
        });
    }

    private static void existing(Connection c, String name) throws SQLException {
        if (find(c, name).isEmpty()) {
            throw new IllegalArgumentException("no dashboard user " + name + "; `golive user list` shows them");
        }
    }

    private static Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT name, role, created_by, created_at FROM dashboard_users WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(user(r)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet r) throws SQLException {
        return new User(
                r.getString("name"),
                Role.parse(r.getString("role")),
                r.getString("created_by"),
                r.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is letters, digits, '.', '_' and '-', at most 100: '" + name
                    + "'; use the names of the plan's people: so the gates know them");
        }
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < SHORTEST_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + SHORTEST_PASSWORD + " characters");
        }
    }
}
