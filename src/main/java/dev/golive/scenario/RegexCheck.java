package dev.golive.scenario;

import java.util.Optional;
import java.util.regex.Pattern;

/** The body matches a regular expression somewhere. */
record RegexCheck(String regex) implements Check {
    @Override
    public Optional<String> failure(Exchange exchange) {
        if (Pattern.compile(regex).matcher(exchange.response().text()).find()) {
            return Optional.empty();
        }
        return Optional.of(
                "regex: expected the body to match /" + regex + "/, got " + Bodies.quote(exchange.response()));
    }
}
