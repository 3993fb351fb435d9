package dev.golive.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON request body as the scenario writes it: the recorded text when nothing in it is
 * replaced, else the tree with references in it.
 *
 * @param text the JSON text
 * @param typed true when it is valid JSON, for {@code json:}; false when a reference stands for
 *     a number or a boolean, which {@code json:} cannot hold (the plan checks it is JSON), so
 *     that it goes in {@code body:}
 */
record JsonBody(String text, boolean typed) {
    private static final ObjectMapper JSON = Calls.JSON.copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final String MARK = "\u0000golive:";

    static JsonBody of(Body.Json json, Map<Place, String> replaced) {
        JsonNode tree = json.tree().deepCopy();
        Map<String, String> untyped = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<Place, String> r : replaced.entrySet()) {
            if (r.getKey().kind() == Place.Kind.JSON) {
                changed = true;
                String pointer = r.getKey().key();
                String text = tree.at(pointer).isTextual() ? r.getValue() : MARK + untyped.size() + "\u0000";
                if (!text.equals(r.getValue())) {
                    untyped.put(text, r.getValue());
                }
                set(tree, pointer, new TextNode(text));
            }
        }
        if (!changed) {
            return new JsonBody(json.text(), true);
        }
        String text = compact(tree);
        for (Map.Entry<String, String> u : untyped.entrySet()) {
            text = text.replace(compact(new TextNode(u.getKey())), u.getValue());
        }
        return new JsonBody(text, untyped.isEmpty());
    }

    private static void set(JsonNode tree, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
