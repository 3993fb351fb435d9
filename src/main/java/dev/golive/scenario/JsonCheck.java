package dev.golive.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The JSON body has a value at a path. */
record JsonCheck(String path, String expected) implements Check {
    @Override
    public Optional<String> failure(Exchange exchange) {
        String what = "json " + path;
        JsonPath jsonPath = JsonPath.parse(path);
        JsonNode node = jsonPath.find(Bodies.json(exchange.response(), what));
        if (node.isMissingNode()) {
            return Optional.of(what + ": expected '" + expected + "', the body has nothing there: "
                    + Bodies.quote(exchange.response()));
        }
        String actual = JsonPath.text(node);
        return actual.equals(expected)
                ? Optional.empty()
                : Optional.of(what + ": expected '" + expected + "', got '" + actual + "'");
    }
}
