package dev.golive.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small JSON path: {@code $}, {@code .name}, {@code ['name']} and {@code [index]}, over Jackson's tree. */
record JsonPath(String text, List<Object> segments) {
    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]|\\['([^']*)']");

    JsonPath {
        segments = List.copyOf(segments);
    }

    static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new StepFailure("bad JSON path '" + text + "': it must start with $, like $.items[0].id");
        }
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new StepFailure(
                        "bad JSON path '" + text + "' at position " + at + ": expected .name, [index] or ['name']");
            }
            segments.add(m.group(2) != null ? (Object) Integer.valueOf(m.group(2)) : name(m));
            at = m.end();
        }
        return new JsonPath(text, segments);
    }

    private static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(3);
    }

    /** The node at this path, or a missing node. */
    JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object s : segments) {
            node = s instanceof Integer i ? node.path(i) : node.path((String) s);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** A found node as text: strings without quotes, everything else as JSON. */
    static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
