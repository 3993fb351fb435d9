package dev.golive.scenario;

import java.time.Duration;

/**
 * How long a virtual user waits.
 *
 * @param connect for a connection to be established
 * @param response for a whole response once the request is sent
 */
public record Timeouts(Duration connect, Duration response) {
    public Timeouts {
        if (connect == null || connect.isNegative() || connect.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, got " + connect);
        }
        if (response == null || response.isNegative() || response.isZero()) {
            throw new IllegalArgumentException("response timeout must be positive, got " + response);
        }
    }

    /** 10 s to connect, 60 s for a response. */
    public static Timeouts standard() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }
}
