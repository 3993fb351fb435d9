package dev.golive.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a node into plain Java values (maps, lists, strings) with references resolved. */
final class Trees {
    private Trees() {}

    static Object plain(Node node, Reading reading, String path) {
        return switch (node) {
            case Node.Null n -> null;
            case Node.Scalar s -> s.plain() ? typed(s.text()) : reading.text(s, path);
            case Node.Sequence seq -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < seq.items().size(); i++) {
                    out.add(plain(seq.items().get(i), reading, Paths.index(path, i)));
                }
                yield out;
            }
            case Node.Mapping map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach((k, e) -> out.put(k, plain(e.value(), reading, Paths.child(path, k))));
                yield out;
            }
        };
    }

    /** A number or boolean written without quotes keeps its type in JSON. */
    private static Object typed(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
