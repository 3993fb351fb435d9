package dev.golive.scenario;

import dev.golive.plan.Step;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a request step into what goes on the wire, with the user's values filled in. */
final class RequestBuilder {
    private RequestBuilder() {}

    static Outgoing build(Step.Request step, VirtualUser user) {
        return build(step, user.values, user.urls, user);
    }

    /**
     * The request as every user sends it, when it has no values to fill in and no file to upload;
     * null otherwise, or when it cannot be built (each run then fails as it would have).
     */
    static Outgoing fixed(Step.Request step, Urls urls) {
        List<String> texts = new ArrayList<>(List.of(step.url()));
        texts.addAll(step.query().values());
        texts.addAll(step.headers().values());
        texts.addAll(step.form().values());
        texts.add(step.json());
        texts.add(step.body());
        if (step.upload() != null || !texts.stream().allMatch(Values::fixed)) {
            return null;
        }
        try {
            return build(step, new Values(), urls, null);
        } catch (StepFailure e) {
            return null;
        }
    }

    private static Outgoing build(Step.Request step, Values values, Urls urls, VirtualUser user) {
        URI uri = urls.resolve(urlEscape(withQuery(values.fill(step.url()), step.query(), values)));
        Body body = body(step, values, user);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("User-Agent", "golive"));
        headers.add(Map.entry("Accept", "*/*"));
        headers.add(Map.entry("Accept-Encoding", "gzip, deflate"));
        if (body.type() != null
                && !step.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"))) {
            headers.add(Map.entry("Content-Type", body.type()));
        }
        step.headers().forEach((name, value) -> {
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            headers.add(Map.entry(name, values.fill(value)));
        });
        return new Outgoing(step.method().toUpperCase(Locale.ROOT), uri, headers, body.bytes(), body.shown());
    }

    /** A body with its content type (null: none) and, for an upload, how reports show it. */
    private record Body(byte[] bytes, String type, String shown) {}

    private static Body body(Step.Request step, Values values, VirtualUser user) {
        if (!step.form().isEmpty()) {
            return new Body(
                    encoded(step.form(), values).getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded",
                    null);
        }
        if (step.json() != null) {
            byte[] json = values.fill(step.json(), RequestBuilder::jsonEscape).getBytes(StandardCharsets.UTF_8);
            return new Body(json, "application/json", null);
        }
        if (step.body() != null) {
            return new Body(values.fill(step.body()).getBytes(StandardCharsets.UTF_8), null, null);
        }
        if (step.upload() != null) {
            Multipart multipart = Multipart.of(step.upload(), user);
            return new Body(multipart.bytes(), multipart.contentType(), multipart.shown());
        }
        return new Body(null, null, null);
    }

    private static String withQuery(String url, Map<String, String> query, Values values) {
        if (query.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + encoded(query, values);
    }

    private static String encoded(Map<String, String> fields, Values values) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(values.fill(e.getValue())))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A URL as written and filled: characters a URL cannot hold are percent-encoded, the rest kept. */
    private static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0);
            out.append(keep ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        return out.toString();
    }

    /** A value placed inside a JSON string of the body. */
    private static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
