package dev.golive.scenario;

import dev.golive.plan.Step;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A response header has a value: exactly the expected one, or one that matches the pattern of
 * {@code regex:PATTERN}. The name is compared without case; when the header comes several times,
 * one of its values is enough.
 */
record HeaderCheck(String name, String expected) implements Check {
    @Override
    public Optional<String> failure(Exchange exchange) {
        List<String> values = exchange.response().headers(name);
        String what = "header " + name + ": expected " + wanted();
        if (values.isEmpty()) {
            return Optional.of(what + ", the response has no " + name + " header");
        }
        if (values.stream().anyMatch(this::accepts)) {
            return Optional.empty();
        }
        String got = values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        return Optional.of(what + ", got " + (values.size() == 1 ? got : "[" + got + "]"));
    }

    private boolean accepts(String value) {
        return pattern() != null
                ? Pattern.compile(pattern()).matcher(value).find()
                : value.strip().equals(expected.strip());
    }

    private String wanted() {
        return pattern() != null ? "a match of /" + pattern() + "/" : "'" + expected + "'";
    }

    private String pattern() {
        String prefix = Step.ResponseCheck.REGEX_PREFIX;
        return expected.startsWith(prefix) ? expected.substring(prefix.length()) : null;
    }
}
