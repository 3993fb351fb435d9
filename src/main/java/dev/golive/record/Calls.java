package dev.golive.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a recorded redirect chain into a request step, with passwords replaced by secrets. */
final class Calls {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Calls() {}

    /**
     * @param entry the URL prefix relative steps are written against
     * @param secrets receives a line for each password replaced by a secret
     */
    static Call of(int number, List<HarEntry> chain, Url entry, List<String> secrets) {
        HarEntry first = chain.getFirst();
        Url url = Url.parse(first.request().url());
        boolean relative = url.under(entry);
        Body body = body(first.request());
        Map<String, String> headers = Headers.kept(first.request().headers(), body instanceof Body.Raw);
        int last = chain.getLast().response().status();
        boolean redirects = chain.size() > 1 || !Redirects.is(last);
        Integer status = chain.size() > 1 && Redirects.is(last) ? null : last == 304 ? 200 : last;
        Call call = new Call(
                number,
                chain,
                first.request().method(),
                relative ? "" : url.origin(),
                relative ? url.below(entry) : url.path(),
                url,
                headers,
                body,
                status,
                redirects,
                Map.of(),
                Map.of());
        return call.with(Map.of(), passwords(call, secrets));
    }

    static Body body(HarEntry.Request request) {
        String type = contentType(request);
        String text = request.body();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            String form = text != null
                    ? text
                    : request.params().stream()
                            .map(p -> p.name() + "=" + p.value())
                            .collect(Collectors.joining("&"));
            return new Body.Form(Url.Param.parse(form));
        }
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (type.contains("json")) {
            try {
                JsonNode tree = JSON.readTree(text);
                if (tree != null && tree.isContainerNode()) {
                    return new Body.Json(text, tree);
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: sent as recorded
            }
        }
        return new Body.Raw(text);
    }

    static String contentType(HarEntry.Request request) {
        String type = request.bodyType() != null
                ? request.bodyType()
                : Headers.first(request.headers(), "Content-Type").orElse("");
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static String secret(Call call, String place, String field) {
        return call.display() + ": " + place + " is written " + Passwords.reference(field) + "; give "
                + Passwords.secret(field) + " in the secrets file or the environment";
    }

    private static Map<Place, String> passwords(Call call, List<String> secrets) {
        Map<Place, String> out = new LinkedHashMap<>();
        if (call.body() instanceof Body.Form form) {
            for (int i = 0; i < form.fields().size(); i++) {
                String field = form.fields().get(i).name();
                if (Passwords.is(field)) {
                    out.put(Place.form(i), Passwords.reference(field));
                    secrets.add(secret(call, "form " + field, field));
                }
            }
        } else if (call.body() instanceof Body.Json json) {
            JsonPaths.leaves(json.tree(), (at, value) -> {
                if (!at.isEmpty() && at.getLast() instanceof String key && Passwords.is(key) && value.isTextual()) {
                    out.put(Place.json(JsonPaths.pointer(at)), Passwords.reference(key));
                    secrets.add(secret(call, "json " + key, key));
                }
            });
        }
        return out;
    }
}
