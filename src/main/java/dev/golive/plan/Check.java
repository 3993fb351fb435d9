package dev.golive.plan;

import java.time.Duration;
import java.util.List;

/**
 * A readiness probe with an expectation. Exactly one of the kind keys is given:
 *
 * <ul>
 *   <li>{@code db: SQL} — a query on a jdbc service ({@code service:}, default the only jdbc
 *       service); its first column of the first row is compared;
 *   <li>{@code http: URL} — a request; the status is compared (default {@code == 200});
 *   <li>{@code command: SHELL} — run on hosts ({@code on:}) or a service's hosts; its output is
 *       compared (default: exit status 0 is enough);
 *   <li>{@code health: SERVICE} — every instance's health URL answers;
 *   <li>{@code tcp: HOST:PORT} — a port accepts connections.
 * </ul>
 *
 * <p>Other keys: {@code name} (required), {@code expect} (see {@link Expectation}), {@code
 * timeout} (default 30s), {@code env} (only in these environments; default all).
 *
 * @param name what the check proves, in the team's words
 * @param kind one of {@link #KINDS}
 * @param target the SQL, URL, command, service or address
 * @param service the service it runs against, or null
 * @param on host names it runs on, for commands
 * @param expect the expectation, or null for the kind's default
 * @param timeout how long it may take
 * @param environments the environments it applies to; empty means all
 * @param location where the check is defined
 */
public record Check(
        String name,
        String kind,
        String target,
        String service,
        List<String> on,
        Expectation expect,
        Duration timeout,
        List<String> environments,
        Location location) {
    /** The check kinds, each the key that holds its target. */
    public static final List<String> KINDS = List.of("db", "http", "command", "health", "tcp");

    public Check {
        if (name == null || !KINDS.contains(kind) || target == null) {
            throw new IllegalArgumentException("name, kind and target are required");
        }
        on = List.copyOf(on);
        environments = List.copyOf(environments);
    }
}
