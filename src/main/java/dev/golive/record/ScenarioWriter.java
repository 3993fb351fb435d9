package dev.golive.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes steps as a plan document, {@code scenarios: { NAME: { steps: [...] } }}, with every
 * string quoted, so that a recorded {@code 01234}, {@code yes} or {@code #} stays text.
 */
final class ScenarioWriter {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ScenarioWriter() {}

    /** A step of the scenario: a request or a pause. */
    sealed interface Item {}

    record Request(Call call) implements Item {}

    record Think(String duration) implements Item {}

    static String write(String scenario, List<Item> items, List<String> comments) {
        List<Object> steps = new ArrayList<>();
        for (Item item : items) {
            steps.add(
                    switch (item) {
                        case Request r -> step(r.call());
                        case Think t -> Map.of("think", t.duration());
                    });
        }
        Map<String, Object> doc = Map.of("scenarios", Map.of(scenario, Map.of("steps", steps)));
        try {
            String header = comments.stream()
                    .map(c -> "# " + c.replaceAll("[\\r\\n]+", " ") + "\n")
                    .collect(Collectors.joining());
            return header + YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario as YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> step(Call call) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> headers = headers(call);
        boolean queryMap = queryAsMap(call);
        out.put(call.method().toLowerCase(Locale.ROOT), url(call, queryMap));
        if (queryMap) {
            out.put("query", query(call));
        }
        body(call, headers, out);
        if (!headers.isEmpty()) {
            out.put("headers", headers);
        }
        if (!call.redirects()) {
            out.put("redirects", false);
        }
        if (call.status() != null) {
            out.put("expect", Map.of("status", call.status()));
        }
        if (!call.save().isEmpty()) {
            out.put("save", call.save());
        }
        return out;
    }

    private static String url(Call call, boolean queryMap) {
        String[] segments = call.path().split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = call.replaced().getOrDefault(Place.path(i), segments[i]);
        }
        String path = call.base() + String.join("/", segments);
        String query = call.url().query();
        if (queryMap || query == null) {
            return path;
        }
        List<Url.Param> params = call.url().params();
        boolean replaced = false;
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String value = call.replaced().get(Place.query(i));
            replaced |= value != null;
            pairs.add(params.get(i).rawName() + "="
                    + (value != null ? value : params.get(i).rawValue()));
        }
        return path + "?" + (replaced ? String.join("&", pairs) : query);
    }

    /** A replaced query value is written in {@code query:}, which encodes what the server sends. */
    private static boolean queryAsMap(Call call) {
        List<Url.Param> params = call.url().params();
        boolean replaced = false;
        for (int i = 0; i < params.size(); i++) {
            replaced |= call.replaced().containsKey(Place.query(i));
        }
        return replaced && unique(params);
    }

    private static Map<String, String> query(Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Url.Param> params = call.url().params();
        for (int i = 0; i < params.size(); i++) {
            out.put(
                    params.get(i).name(),
                    call.replaced().getOrDefault(Place.query(i), params.get(i).value()));
        }
        return out;
    }

    private static Map<String, String> headers(Call call) {
        Map<String, String> out = new LinkedHashMap<>();
        call.headers().forEach((name, value) -> {
            String whole = call.replaced().get(Place.header(name));
            String credentials = call.replaced().get(Place.credentials(name));
            if (whole != null) {
                out.put(name, whole);
            } else if (credentials != null) {
                out.put(name, value.substring(0, value.indexOf(' ')) + " " + credentials);
            } else {
                out.put(name, value);
            }
        });
        return out;
    }

    private static void body(Call call, Map<String, String> headers, Map<String, Object> out) {
        switch (call.body()) {
            case null -> {}
            case Body.Form form when unique(form.fields()) -> out.put("form", form(call, form));
            case Body.Form form -> {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                out.put("body", rawForm(call, form));
            }
            case Body.Json json -> {
                JsonBody written = JsonBody.of(json, call.replaced());
                if (written.typed()) {
                    out.put("json", written.text());
                } else {
                    headers.putIfAbsent("Content-Type", contentType(call));
                    out.put("body", written.text());
                }
            }
            case Body.Raw raw -> out.put("body", raw.text());
        }
    }

    private static Map<String, String> form(Call call, Body.Form form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < form.fields().size(); i++) {
            Url.Param f = form.fields().get(i);
            out.put(f.name(), call.replaced().getOrDefault(Place.form(i), f.value()));
        }
        return out;
    }

    private static String rawForm(Call call, Body.Form form) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < form.fields().size(); i++) {
            Url.Param f = form.fields().get(i);
            pairs.add(f.rawName() + "=" + call.replaced().getOrDefault(Place.form(i), f.rawValue()));
        }
        return String.join("&", pairs);
    }

    private static String contentType(Call call) {
        String type = call.first().request().bodyType();
        return type == null || type.isBlank() ? "application/json" : type;
    }

    private static boolean unique(List<Url.Param> params) {
        return params.stream().map(Url.Param::name).distinct().count() == params.size();
    }
}
