package dev.golive.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code scenarios:} and their steps. */
final class ScenarioReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEP_KINDS = stepKinds();
    private static final Pattern SERVICE_URL =
            Pattern.compile(Pattern.quote(Step.Request.SERVICE_PREFIX) + "[A-Za-z0-9][A-Za-z0-9_.-]*([/?].*)?");

    private ScenarioReader() {}

    static Scenario read(String name, Fields f) {
        Scenario.Feed feed = f.has("feed") ? feed(f.fields("feed")) : null;
        Duration pacing = f.duration("pacing", null);
        if (!f.has("steps")) {
            f.missing("steps", "the requests of the flow");
        }
        List<Step> steps = steps(f, "steps");
        f.finish();
        return new Scenario(name, feed, pacing, steps, f.location());
    }

    private static Scenario.Feed feed(Fields f) {
        String file = f.required("file", "a CSV file whose header row names the values");
        String mode = f.choice("mode", "circular", Scenario.Feed.MODES);
        f.finish();
        return file == null ? null : new Scenario.Feed(file, mode);
    }

    private static List<Step> steps(Fields parent, String key) {
        List<Step> out = new ArrayList<>();
        List<Node> items = parent.items(key);
        for (int i = 0; i < items.size(); i++) {
            Step s = step(parent.reading().fields(items.get(i), Paths.index(parent.path(key), i)));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static Step step(Fields f) {
        String kind = Kinds.one(f, STEP_KINDS, "a step");
        if (kind == null) {
            f.allow(requestKeys());
            f.allow("steps");
            f.finish();
            return null;
        }
        Step step = switch (kind) {
            case "think" -> think(f);
            case "transaction" -> transaction(f);
            default -> request(kind, f);
        };
        f.finish();
        return step;
    }

    private static Step think(Fields f) {
        String text = f.string("think");
        if (text == null) {
            return null;
        }
        String[] range = Values.range(text);
        Duration min = Values.duration(range == null ? text : range[0]);
        Duration max = range == null ? min : Values.duration(range[1]);
        if (min == null || max == null || max.compareTo(min) < 0) {
            f.reading()
                    .problem(
                            f.location("think"),
                            f.path("think"),
                            "bad think time '" + text
                                    + "': expected a duration like 2s, or a range like 1s..3s (shortest first)");
            return null;
        }
        return new Step.Think(min, max, f.location());
    }

    private static Step transaction(Fields f) {
        String name = f.string("transaction");
        if (!f.has("steps")) {
            f.missing("steps", "the steps measured as transaction '" + name + "'");
        }
        List<Step> steps = steps(f, "steps");
        return name == null ? null : new Step.Transaction(name, steps, f.location());
    }

    private static Step request(String method, Fields f) {
        String url = f.string(method);
        boolean urlOk = url != null && serviceUrl(f, method, url);
        Map<String, String> headers = stringMap(f, "headers");
        Map<String, String> query = stringMap(f, "query");
        Map<String, String> form = stringMap(f, "form");
        String json = f.has("json") ? json(f) : null;
        String body = f.string("body");
        boolean uploads = f.has("upload");
        Step.Upload upload = uploads ? upload(f.fields("upload")) : null;
        if ((json != null ? 1 : 0) + (body != null ? 1 : 0) + (form.isEmpty() ? 0 : 1) + (uploads ? 1 : 0) > 1) {
            f.reading()
                    .problem(
                            f.location(),
                            f.path(),
                            "a request has one body: give only one of form, json, body, upload");
        }
        Step.ResponseCheck expect = f.has("expect") ? expect(f.fields("expect")) : Step.ResponseCheck.any();
        Map<String, String> save = stringMap(f, "save");
        boolean redirects = f.bool("redirects", true);
        String name = f.string("name");
        if (!urlOk) {
            return null;
        }
        return new Step.Request(
                method.toUpperCase(Locale.ROOT),
                url,
                name,
                headers,
                query,
                form,
                json,
                body,
                upload,
                expect,
                save,
                redirects,
                f.location());
    }

    /** A {@code service:NAME/path} URL must name its service plainly: it is checked against the plan. */
    private static boolean serviceUrl(Fields f, String method, String url) {
        if (!url.startsWith(Step.Request.SERVICE_PREFIX)
                || SERVICE_URL.matcher(url).matches()) {
            return true;
        }
        f.reading()
                .problem(
                        f.location(method),
                        f.path(method),
                        "bad service URL '" + url + "': expected service:NAME/path, like service:api/health, where NAME"
                                + " is an http service of the environment");
        return false;
    }

    private static Step.Upload upload(Fields f) {
        String file = f.required("file", "the file to send, relative to the plan's directory");
        String field = f.string("field", "file");
        String type = f.string("type");
        Map<String, String> fields = stringMap(f, "fields");
        if (field.isBlank()) {
            f.reading()
                    .problem(
                            f.location("field"),
                            f.path("field"),
                            "'field' must not be empty: the name of the form field the file is sent as");
        }
        f.finish();
        return file == null || field.isBlank() ? null : new Step.Upload(file, field, type, fields);
    }

    private static Step.ResponseCheck expect(Fields f) {
        List<Integer> status = new ArrayList<>();
        List<Node> codes = f.items("status");
        for (int i = 0; i < codes.size(); i++) {
            Long code = f.reading().integer(codes.get(i), f.path("status"), 100, 599);
            if (code != null) {
                status.add(code.intValue());
            }
        }
        String contains = f.string("contains");
        String regex = f.string("regex");
        if (regex != null) {
            checkRegex(f, "regex", regex);
        }
        Map<String, String> json = stringMap(f, "json");
        Map<String, String> headers = headerChecks(f);
        Duration maxTime = f.duration("maxTime", null);
        Long minSize = f.size("minSize");
        Long maxSize = f.size("maxSize");
        if (minSize != null && maxSize != null && minSize > maxSize) {
            f.reading()
                    .problem(
                            f.location("minSize"),
                            f.path("minSize"),
                            "minSize (" + minSize + " bytes) is above maxSize (" + maxSize
                                    + " bytes): no body can pass");
            minSize = null;
        }
        f.finish();
        return new Step.ResponseCheck(status, contains, regex, json, headers, maxTime, minSize, maxSize);
    }

    /** Expected header values; the patterns of {@code regex:} values are checked now. */
    private static Map<String, String> headerChecks(Fields parent) {
        Map<String, String> headers = stringMap(parent, "headers");
        if (!headers.isEmpty()) {
            Fields f = parent.fields("headers");
            headers.forEach((name, value) -> {
                if (value.startsWith(Step.ResponseCheck.REGEX_PREFIX)) {
                    checkRegex(f, name, value.substring(Step.ResponseCheck.REGEX_PREFIX.length()));
                }
            });
        }
        return headers;
    }

    /** A pattern with {@code ${name}} in it is only complete at run time, and checked then. */
    private static void checkRegex(Fields f, String key, String regex) {
        if (regex.contains("${")) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            f.reading()
                    .problem(
                            f.location(key),
                            f.path(key),
                            "bad regular expression '" + regex + "': " + e.getDescription());
        }
    }

    /** A map of plain values; nested maps or lists are reported. */
    static Map<String, String> stringMap(Fields parent, String key) {
        if (!parent.has(key)) {
            return Map.of();
        }
        Fields f = parent.fields(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : f.keys()) {
            String v = f.string(k);
            if (v != null) {
                out.put(k, v);
            }
        }
        return out;
    }

    /** The JSON body as JSON text; written in the plan as YAML. */
    private static String json(Fields f) {
        Node node = f.node("json");
        if (node instanceof Node.Scalar scalar && !scalar.plain()) {
            return jsonText(f, scalar);
        }
        try {
            return JSON.writeValueAsString(Trees.plain(node, f.reading(), f.path("json")));
        } catch (JsonProcessingException e) {
            f.reading().problem(node.location(), f.path("json"), "cannot write this value as JSON");
            return null;
        }
    }

    /** {@code json: '{"a": 1}'}: JSON written as text is sent as it is, once it is known to be JSON. */
    private static String jsonText(Fields f, Node.Scalar scalar) {
        String text = f.reading().text(scalar, f.path("json"));
        try {
            if (text != null && JSON.readTree(text).isContainerNode()) {
                return text;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        if (text != null) {
            f.reading()
                    .problem(
                            scalar.location(),
                            f.path("json"),
                            "json takes a map or a list, or JSON text of an " + "object or array; found '" + text
                                    + "'");
        }
        return null;
    }

    private static String[] requestKeys() {
        return List.of("name", "headers", "query", "form", "json", "body", "upload", "expect", "save", "redirects")
                .toArray(String[]::new);
    }

    private static List<String> stepKinds() {
        List<String> kinds = new ArrayList<>(Step.Request.METHODS);
        kinds.add("think");
        kinds.add("transaction");
        return List.copyOf(kinds);
    }
}
