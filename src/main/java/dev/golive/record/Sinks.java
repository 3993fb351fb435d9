package dev.golive.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values a request sends back that a saved value could stand for. */
final class Sinks {
    private static final Pattern CREDENTIALS = Pattern.compile("([A-Za-z][\\w-]*) +(\\S+)");
    /** Headers that describe the request's format: their values come from the application's code. */
    private static final Set<String> FORMAT = Set.of("accept", "content-type", "x-requested-with");

    private Sinks() {}

    static List<Sink> of(Call call) {
        List<Sink> out = new ArrayList<>();
        path(call, out);
        List<Url.Param> query = call.url().params();
        for (int i = 0; i < query.size(); i++) {
            Url.Param p = query.get(i);
            out.add(new Sink(Place.query(i), p.value(), "query " + p.name(), p.name()));
        }
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (FORMAT.contains(name)) {
                continue;
            }
            out.add(new Sink(
                    Place.header(h.getKey()), h.getValue(), "header " + h.getKey(), Names.ofHeader(h.getKey())));
            Matcher m = CREDENTIALS.matcher(h.getValue());
            if (name.endsWith("authorization") && m.matches()) {
                out.add(new Sink(Place.credentials(h.getKey()), m.group(2), "header " + h.getKey(), m.group(1)));
            }
        }
        body(call.body(), out);
        return out.stream().filter(s -> !call.replaced().containsKey(s.place())).toList();
    }

    private static void path(Call call, List<Sink> out) {
        String[] segments = call.path().split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].isEmpty()) {
                String before = i > 0 && !segments[i - 1].isEmpty() ? Names.singular(segments[i - 1]) : "id";
                out.add(new Sink(Place.path(i), Url.decodePath(segments[i]), "path", before));
            }
        }
    }

    private static void body(Body body, List<Sink> out) {
        if (body instanceof Body.Form form) {
            for (int i = 0; i < form.fields().size(); i++) {
                Url.Param f = form.fields().get(i);
                out.add(new Sink(Place.form(i), f.value(), "form " + f.name(), f.name()));
            }
        } else if (body instanceof Body.Json json) {
            JsonPaths.leaves(json.tree(), (at, value) -> {
                String path = JsonPaths.of(at);
                out.add(new Sink(
                        Place.json(JsonPaths.pointer(at)),
                        value.asText(),
                        "json " + (path == null ? JsonPaths.pointer(at) : path),
                        JsonPaths.name(at)));
            });
        }
    }
}
