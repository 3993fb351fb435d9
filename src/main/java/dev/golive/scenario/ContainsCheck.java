package dev.golive.scenario;

import java.util.Optional;

/** The body contains a text. */
record ContainsCheck(String text) implements Check {
    @Override
    public Optional<String> failure(Exchange exchange) {
        if (exchange.response().text().contains(text)) {
            return Optional.empty();
        }
        return Optional.of(
                "contains: expected the body to contain '" + text + "', got " + Bodies.quote(exchange.response()));
    }
}
