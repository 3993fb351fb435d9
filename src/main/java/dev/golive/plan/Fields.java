package dev.golive.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the keys of one map. Every key asked for is remembered, so that {@link #finish()} can
 * report the keys nobody asked for, with the valid ones and a "did you mean" suggestion.
 */
final class Fields {
    private final Reading reading;
    private final Node.Mapping map;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> reported = new LinkedHashSet<>();

    Fields(Reading reading, Node.Mapping map, String path) {
        this.reading = reading;
        this.map = map;
        this.path = path;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return Paths.child(path, key);
    }

    Location location() {
        return map.location();
    }

    Reading reading() {
        return reading;
    }

    /** The keys actually present, in file order. */
    List<String> keys() {
        return new ArrayList<>(map.entries().keySet());
    }

    /** Marks a key as already reported by the caller, without making it a valid key. */
    void reported(String key) {
        reported.add(key);
    }

    /** Declares keys as valid without reading them (read elsewhere). */
    void allow(String... keys) {
        known.addAll(List.of(keys));
    }

    boolean has(String key) {
        known.add(key);
        Node.Entry e = map.entries().get(key);
        return e != null && !(e.value() instanceof Node.Null);
    }

    Node node(String key) {
        known.add(key);
        Node.Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    Location location(String key) {
        Node.Entry e = map.entries().get(key);
        return e == null ? map.location() : e.value().location();
    }

    Location keyLocation(String key) {
        Node.Entry e = map.entries().get(key);
        return e == null ? map.location() : e.keyLocation();
    }

    /** Reports a missing required key at the map that lacks it. */
    void missing(String key, String what) {
        reading.problem(map.location(), path, "missing required key '" + key + "'" + (what == null ? "" : ": " + what));
    }

    String string(String key) {
        Node n = present(key);
        return n == null ? null : reading.text(n, path(key));
    }

    String string(String key, String fallback) {
        String s = string(key);
        return s == null ? fallback : s;
    }

    String required(String key, String what) {
        known.add(key);
        if (!has(key)) {
            missing(key, what);
            return null;
        }
        String value = string(key);
        if (value != null && value.isBlank()) {
            reading.problem(
                    location(key), path(key), "'" + key + "' must not be empty" + (what == null ? "" : ": " + what));
            return null;
        }
        return value;
    }

    List<String> strings(String key) {
        Node n = present(key);
        return n == null ? List.of() : reading.texts(n, path(key));
    }

    Fields fields(String key) {
        Node n = node(key);
        return reading.fields(n == null ? new Node.Null(map.location()) : n, path(key));
    }

    List<Node> items(String key) {
        Node n = present(key);
        return n == null ? List.of() : reading.items(n, path(key));
    }

    Duration duration(String key, Duration fallback) {
        Node n = present(key);
        Duration d = n == null ? null : reading.duration(n, path(key));
        return d == null ? fallback : d;
    }

    Double percent(String key) {
        Node n = present(key);
        return n == null ? null : reading.percent(n, path(key));
    }

    Double rate(String key) {
        Node n = present(key);
        return n == null ? null : reading.rate(n, path(key));
    }

    Long size(String key) {
        Node n = present(key);
        return n == null ? null : reading.size(n, path(key));
    }

    Integer integer(String key, Integer fallback, int min, int max) {
        Node n = present(key);
        Long v = n == null ? null : reading.integer(n, path(key), min, max);
        return v == null ? fallback : Integer.valueOf(v.intValue());
    }

    boolean bool(String key, boolean fallback) {
        Node n = present(key);
        Boolean b = n == null ? null : reading.bool(n, path(key));
        return b == null ? fallback : b;
    }

    String choice(String key, String fallback, List<String> valid) {
        Node n = present(key);
        String c = n == null ? null : reading.choice(n, path(key), valid);
        return c == null ? fallback : c;
    }

    /** Reports every key that was never asked for. Call after reading all valid keys. */
    void finish() {
        for (Node.Entry e : map.entries().values()) {
            if (!known.contains(e.key()) && !reported.contains(e.key())) {
                unknown(e);
            }
        }
    }

    private void unknown(Node.Entry e) {
        String hint = Suggest.closest(e.key(), known);
        reading.problem(
                e.keyLocation(),
                path,
                "unknown key '" + e.key() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + ", expected one of " + known);
    }

    private Node present(String key) {
        Node n = node(key);
        return n instanceof Node.Null ? null : n;
    }
}
