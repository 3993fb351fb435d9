package dev.golive.scenario;

import java.util.Optional;

/** The body, decompressed, is no smaller than {@code min} and no larger than {@code max} bytes (either may be null). */
record SizeCheck(Long min, Long max) implements Check {
    @Override
    public Optional<String> failure(Exchange exchange) {
        long size = exchange.response().size();
        if (max != null && size > max) {
            return Optional.of("maxSize: expected at most " + Sizes.text(max) + ", the body is " + Sizes.text(size));
        }
        if (min != null && size < min) {
            return Optional.of("minSize: expected at least " + Sizes.text(min) + ", the body is " + Sizes.text(size));
        }
        return Optional.empty();
    }
}
