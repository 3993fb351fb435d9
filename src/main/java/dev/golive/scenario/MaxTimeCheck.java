package dev.golive.scenario;

import java.time.Duration;
import java.util.Optional;

/** The response came within a time. */
record MaxTimeCheck(Duration max) implements Check {
    @Override
    public Optional<String> failure(Exchange exchange) {
        if (exchange.time().compareTo(max) <= 0) {
            return Optional.empty();
        }
        return Optional.of("maxTime: expected at most " + max.toMillis() + " ms, took "
                + exchange.time().toMillis() + " ms");
    }
}
