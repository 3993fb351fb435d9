package dev.golive.scenario;

import java.util.List;
import java.util.Optional;

/** The status is one of the accepted codes; with none given, any 2xx or 3xx. */
record StatusCheck(List<Integer> accepted) implements Check {
    StatusCheck {
        accepted = List.copyOf(accepted);
    }

    @Override
    public Optional<String> failure(Exchange exchange) {
        int status = exchange.response().status();
        boolean ok = accepted.isEmpty() ? status >= 200 && status < 400 : accepted.contains(status);
        if (ok) {
            return Optional.empty();
        }
        String expected = accepted.isEmpty()
                ? "2xx or 3xx"
                : accepted.size() == 1 ? String.valueOf(accepted.getFirst()) : "one of " + accepted;
        return Optional.of("status: expected " + expected + ", got " + status + " "
                + exchange.response().reason());
    }
}
