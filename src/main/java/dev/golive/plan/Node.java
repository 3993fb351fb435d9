package dev.golive.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One value of the YAML tree, with the location it was read from. */
sealed interface Node {
    Location location();

    /** What the user wrote, for messages: "a map", "a list", "'abc'". */
    String describe();

    /**
     * A single value. {@code plain} is true for a number or boolean written without quotes, whose
     * type a JSON body keeps.
     */
    record Scalar(String text, boolean plain, Location location) implements Node {
        public String describe() {
            return "'" + text + "'";
        }
    }

    record Null(Location location) implements Node {
        public String describe() {
            return "nothing";
        }
    }

    record Sequence(List<Node> items, Location location) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        public String describe() {
            return "a list";
        }
    }

    /** A mapping; keys keep their order and their own locations. */
    record Mapping(Map<String, Entry> entries, Location location) implements Node {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public String describe() {
            return "a map";
        }
    }

    record Entry(String key, Location keyLocation, Node value) {}
}
