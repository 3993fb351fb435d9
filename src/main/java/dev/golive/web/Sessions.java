package dev.golive.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's sessions, in memory: a random id in an HttpOnly cookie, the user's name, and a
 * CSRF token that every change must send back. A session ends at logout, after a long idle time,
 * or when the server stops. A session without a user is the login form's, so that the login too
 * is protected from cross-site requests.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    private static final Duration LOGIN_FORM = Duration.ofMinutes(30);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A session: who (null before login), its CSRF token, when it was last used. */
    static final class Session {
        final String id;
        final String user;
        final String csrf;
        volatile Instant seen;

        Session(String id, String user, String csrf, Instant seen) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.seen = seen;
        }

        /** Compares the token sent with the session's in constant time. */
        boolean csrf(String sent) {
            return sent != null && MessageDigest.isEqual(csrf.getBytes(), sent.getBytes());
        }
    }

    /** A new session for the login form. */
    Session anonymous() {
        return put(null);
    }

    /** A new session for a user who logged in; the login form's session is dropped (no fixation). */
    Session login(String formSession, String user) {
        if (formSession != null) {
            sessions.remove(formSession);
        }
        return put(user);
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Duration limit = s.user == null ? LOGIN_FORM : IDLE;
        if (s.seen.plus(limit).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.seen = now;
        return Optional.of(s);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user, when they were removed. */
    void endAll(String user) {
        sessions.values().removeIf(s -> user.equals(s.user));
    }

    private Session put(String user) {
        Instant now = clock.instant();
        sessions.values()
                .removeIf(s -> s.seen.plus(s.user == null ? LOGIN_FORM : IDLE).isBefore(now));
        Session s = new Session(token(), user, token(), now);
        sessions.put(s.id, s);
        return s;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
