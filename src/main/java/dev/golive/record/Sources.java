package dev.golive.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a response holds a value: its JSON, its text, its headers or the cookies it sets. */
final class Sources {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PLAIN_HEADERS =
            Set.of("set-cookie", "date", "content-length", "content-type", "server", "expires", "last-modified");

    /** Parsed JSON bodies, by response; a recording is searched for many values. */
    private final Map<HarEntry.Response, Optional<JsonNode>> trees = new IdentityHashMap<>();

    List<Point> of(HarEntry.Response response, String value) {
        List<Point> out = new ArrayList<>();
        cookies(response, value, out);
        headers(response, value, out);
        String text = response.text();
        if (text != null && (text.contains(value) || text.contains(value.replace("/", "\\/")))) {
            JsonNode tree = trees.computeIfAbsent(response, r -> Optional.ofNullable(json(r, text)))
                    .orElse(null);
            if (tree != null) {
                json(tree, text, value, out);
            } else {
                text(text, value, out);
            }
        }
        return out;
    }

    private static void cookies(HarEntry.Response response, String value, List<Point> out) {
        // Some recorders join a response's Set-Cookie headers into one, a line each.
        for (String header :
                response.all("Set-Cookie").stream().flatMap(String::lines).toList()) {
            int eq = header.indexOf('=');
            int end = header.indexOf(';');
            if (eq > 0) {
                String name = header.substring(0, eq).strip();
                String v = header.substring(eq + 1, end < 0 ? header.length() : end)
                        .strip();
                if (unquote(v).equals(value)) {
                    out.add(new Point("cookie:" + name, name, "cookie " + name, true));
                }
            }
        }
    }

    private static void headers(HarEntry.Response response, String value, List<Point> out) {
        for (HarEntry.Header h : response.headers()) {
            if (!PLAIN_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))
                    && h.value().strip().equals(value)) {
                out.add(new Point("header:" + h.name(), Names.ofHeader(h.name()), "header " + h.name(), false));
            }
        }
    }

    private static JsonNode json(HarEntry.Response response, String text) {
        String start = text.stripLeading();
        if (!response.type().contains("json") && !start.startsWith("{") && !start.startsWith("[")) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Whole values by JSON path; a value inside a longer string by a regex over the text. */
    private static void json(JsonNode tree, String text, String value, List<Point> out) {
        List<Integer> inText = occurrences(text, value);
        JsonPaths.leaves(tree, (at, node) -> {
            String path = JsonPaths.of(at);
            String label = path == null ? JsonPaths.pointer(at) : path;
            if (node.asText().equals(value)) {
                out.add(new Point(path, JsonPaths.name(at), label, false));
            } else if (node.isTextual()) {
                for (int i = 0; i < occurrences(node.asText(), value).size(); i++) {
                    String regex = inText.size() == 1 ? verified(text, inText.getFirst(), value.length()) : null;
                    out.add(new Point(regex, JsonPaths.name(at), "text in " + label, false));
                }
            }
        });
    }

    /** An input field's value by its name; any other occurrence by the text before it. */
    private static void text(String text, String value, List<Point> out) {
        for (int at : occurrences(text, value)) {
            Regexes.Input input = Regexes.input(text, at, value.length());
            if (input != null && Regexes.finds(input.regex(), text, at, value.length())) {
                String label = (input.hidden() ? "hidden input " : "input ") + input.name();
                out.add(new Point("regex:" + input.regex(), input.name(), label, false));
            } else {
                out.add(new Point(verified(text, at, value.length()), null, "text at line " + line(text, at), false));
            }
        }
    }

    private static String verified(String text, int at, int length) {
        String regex = Regexes.around(text, at, length);
        return regex == null ? null : "regex:" + regex;
    }

    /**
     * Where the value stands on its own: not inside a longer word or number, so that {@code 12345}
     * is not found in {@code 123456}.
     */
    static List<Integer> occurrences(String text, String value) {
        List<Integer> out = new ArrayList<>();
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            int end = at + value.length();
            boolean alone = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (alone) {
                out.add(at);
            }
        }
        return out;
    }

    private static int line(String text, int at) {
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
