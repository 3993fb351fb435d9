package dev.golive.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * JSON paths in the subset golive's saves and checks read: {@code $}, {@code .name}, {@code
 * ['name']} and {@code [index]}.
 */
final class JsonPaths {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private JsonPaths() {}

    /** The path to the given keys and indexes, or null when a key cannot be written in this subset. */
    static String of(List<Object> segments) {
        StringBuilder out = new StringBuilder("$");
        for (Object s : segments) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else if (PLAIN.matcher((String) s).matches()) {
                out.append('.').append(s);
            } else if (((String) s).indexOf('\'') < 0) {
                out.append("['").append(s).append("']");
            } else {
                return null;
            }
        }
        return out.toString();
    }

    /** A JSON pointer, for finding a value again in a copy of the tree. */
    static String pointer(List<Object> segments) {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            out.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** Calls {@code visit} with the keys and indexes to every scalar of the tree, in document order. */
    static void leaves(JsonNode node, BiConsumer<List<Object>, JsonNode> visit) {
        walk(node, new ArrayList<>(), visit);
    }

    private static void walk(JsonNode node, List<Object> at, BiConsumer<List<Object>, JsonNode> visit) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                at.add(field.getKey());
                walk(field.getValue(), at, visit);
                at.removeLast();
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                walk(node.get(i), at, visit);
                at.removeLast();
            }
        } else if (node.isValueNode() && !node.isNull()) {
            visit.accept(List.copyOf(at), node);
        }
    }

    /** A name for a value found at these keys: the last key, or its parent's name and Id for an id. */
    static String name(List<Object> segments) {
        List<String> keys = segments.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
        if (keys.isEmpty()) {
            return "value";
        }
        String last = keys.getLast();
        if (last.equalsIgnoreCase("id") && keys.size() > 1) {
            return Names.singular(keys.get(keys.size() - 2)) + "Id";
        }
        return last;
    }
}
