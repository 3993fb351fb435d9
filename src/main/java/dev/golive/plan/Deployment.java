package dev.golive.plan;

import java.time.Duration;

/**
 * How a release is deployed to each instance of a service: the {@code deploy:} map of a service.
 *
 * <p>Keys: {@code context} (tomcat: the context the WAR is installed as, {@code <context>.war};
 * default: the WAR's own name), {@code path} (the directory other artifacts are installed in;
 * required for them, and for every artifact of a service that is not a tomcat), {@code staging}
 * (the directory on the host uploads go to before they are verified; default {@code /tmp}),
 * {@code drain} and {@code undrain} (taking the instance out of the balancer and back: a shell
 * command run on the host, or an {@code http://}/{@code https://} URL that is called with POST
 * and must answer 2xx), {@code smoke} (a scenario run against the instance itself after it is
 * healthy), {@code timeout} (how long to wait for the health URL after the start; default 120s).
 * In every value, {@code {host}} stands for the instance's host.
 *
 * @param context the Tomcat context, or null for the WAR's own name
 * @param path the install directory of artifacts that are not WARs, or null
 * @param staging the upload directory on the host
 * @param drain the drain command or URL, or null
 * @param undrain the undrain command or URL, or null
 * @param smoke the instance smoke scenario, or null
 * @param timeout how long the health check waits after the start
 * @param location where the map is written, or null for the defaults
 */
public record Deployment(
        String context,
        String path,
        String staging,
        String drain,
        String undrain,
        String smoke,
        Duration timeout,
        Location location) {
    public static final String DEFAULT_STAGING = "/tmp";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public Deployment {
        staging = staging == null ? DEFAULT_STAGING : staging;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the deploy timeout must be positive: " + timeout);
        }
    }

    /** No {@code deploy:} map: every default. */
    public static Deployment defaults() {
        return new Deployment(null, null, null, null, null, null, null, null);
    }

    /** The deployment as it is on one host: {@code {host}} becomes the host's name. */
    public Deployment forHost(String host) {
        return new Deployment(
                on(context, host),
                on(path, host),
                on(staging, host),
                on(drain, host),
                on(undrain, host),
                smoke,
                timeout,
                location);
    }

    private static String on(String value, String host) {
        return value == null ? null : value.replace("{host}", host);
    }
}
