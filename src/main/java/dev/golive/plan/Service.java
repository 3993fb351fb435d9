package dev.golive.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that runs on hosts, or is reached at an address.
 *
 * <p>Common keys: {@code kind} (required: {@code tomcat}, {@code systemd}, {@code process},
 * {@code command}, {@code jdbc}, {@code http}), {@code on} (the hosts it runs on; required for the
 * kinds that run on hosts), {@code survivable} (how many instances may be lost while the service
 * goes on; default 0), {@code http} (the HTTP port of an instance), {@code health} (a path or URL
 * that answers 200 when the instance is healthy). Each kind adds its own settings, see {@link
 * ServiceKind}. {@code deploy} says how releases are deployed to it, see {@link Deployment}.
 *
 * @param name the service's name
 * @param kind its kind
 * @param on names of the hosts it runs on
 * @param survivable how many instances may be down at once
 * @param httpPort HTTP port of each instance, or null
 * @param health health path or URL, or null
 * @param settings the kind-specific settings, by key
 * @param deploy how releases are deployed to its instances, or null when the plan does not say
 * @param location where the service is defined
 */
public record Service(
        String name,
        ServiceKind kind,
        List<String> on,
        int survivable,
        Integer httpPort,
        String health,
        Map<String, String> settings,
        Deployment deploy,
        Location location) {
    public Service {
        if (name == null || kind == null) {
            throw new IllegalArgumentException("name and kind are required");
        }
        on = List.copyOf(on);
        settings = Maps.copy(settings);
        if (survivable < 0) {
            throw new IllegalArgumentException("survivable must not be negative");
        }
    }

    /** A service deployed with the defaults. */
    public Service(
            String name,
            ServiceKind kind,
            List<String> on,
            int survivable,
            Integer httpPort,
            String health,
            Map<String, String> settings,
            Location location) {
        this(name, kind, on, survivable, httpPort, health, settings, null, location);
    }

    /**
     * The service as it is on one host: {@code {host}} in its settings becomes the host's name, so
     * that instances sharing a machine can have their own PID file, port or directory.
     */
    public Service forHost(String host) {
        Map<String, String> own = new java.util.LinkedHashMap<>();
        settings.forEach((k, v) -> own.put(k, v.replace("{host}", host)));
        return new Service(
                name,
                kind,
                on,
                survivable,
                httpPort,
                health,
                own,
                deploy == null ? null : deploy.forHost(host),
                location);
    }

    /** How releases are deployed to it: its {@code deploy:} map, or the defaults. */
    public Deployment deployment() {
        return deploy == null ? Deployment.defaults() : deploy;
    }

    /** A kind-specific setting such as {@code home} or {@code url}. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
