package dev.golive.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds values that a request sends back after a response gave them, and replaces those that
 * came from one place with a saved value. A value counts when it is at least six characters and
 * not made of words: shorter values and words ({@code true}, {@code checkout}, {@code Red-Hat},
 * {@code application/json}) are far more often typed, constant or part of the application's URLs
 * than handed out by a server; tokens and ids have digits or mixed case.
 */
final class Correlations {
    private static final int SHORTEST = 6;
    private static final int SHOWN = 12;
    /** {@code checkout}, {@code Red-Hat}, {@code XMLHttpRequest}, {@code application/json}. */
    private static final String WORD = "(?:[a-z]++|[A-Z]++|[A-Z]*+(?:[A-Z]?[a-z]{2,}+)++)";

    private static final Pattern WORDS = Pattern.compile(WORD + "(?:[-_ ./+:]" + WORD + ")*");

    private final List<HarEntry> entries;
    private final List<Call> calls;
    private final Map<Integer, String> dropped;
    private final Sources sources = new Sources();
    private final Names names = new Names();
    private final Map<Integer, Map<String, String>> saves = new LinkedHashMap<>();
    private final Map<Integer, Map<Place, String>> replacements = new LinkedHashMap<>();

    /** {@code dropped}: why each entry that is not part of a step was left out, by its index. */
    private Correlations(List<HarEntry> entries, List<Call> calls, Map<Integer, String> dropped) {
        this.entries = entries;
        this.calls = calls;
        this.dropped = dropped;
    }

    /** The calls with saves and references, and every candidate found. */
    record Result(List<Call> calls, List<Candidate> candidates) {}

    static Result find(List<HarEntry> entries, List<Call> calls, Map<Integer, String> dropped) {
        return new Correlations(entries, calls, dropped).find();
    }

    private Result find() {
        List<Candidate> candidates = new ArrayList<>();
        uses().forEach((value, uses) -> {
            List<Found> found = found(value, uses.getFirst().call().first().index());
            if (!found.isEmpty()) {
                candidates.add(decide(value, uses, found));
            }
        });
        List<Call> out = calls.stream()
                .map(c -> c.with(
                        saves.getOrDefault(c.number(), Map.of()), replacements.getOrDefault(c.number(), Map.of())))
                .toList();
        return new Result(out, candidates);
    }

    static boolean trivial(String value) {
        return value.length() < SHORTEST || WORDS.matcher(value).matches() || value.contains("${");
    }

    /** A request that sends a value, and where. */
    private record Use(Call call, Sink sink) {}

    /**
     * A place in an earlier response that holds the value.
     *
     * @param call the step whose response it is, or null
     * @param why why it cannot be saved there, or null when it can
     */
    private record Found(HarEntry entry, Point point, Call call, String why) {}

    private Map<String, List<Use>> uses() {
        Map<String, List<Use>> out = new LinkedHashMap<>();
        for (Call call : calls) {
            for (Sink sink : Sinks.of(call)) {
                if (!trivial(sink.value())) {
                    out.computeIfAbsent(sink.value(), v -> new ArrayList<>()).add(new Use(call, sink));
                }
            }
        }
        return out;
    }

    private List<Found> found(String value, int before) {
        List<Found> out = new ArrayList<>();
        for (HarEntry entry : entries.subList(0, before)) {
            for (Point point : sources.of(entry.response(), value)) {
                out.add(found(entry, point));
            }
        }
        return out;
    }

    private Found found(HarEntry entry, Point point) {
        for (Call call : calls) {
            if (call.last() == entry) {
                return new Found(entry, point, call, null);
            }
            if (call.chain().contains(entry)) {
                String why = "it comes with a redirect golive follows in " + call.display()
                        + "; write that step with redirects: false to save it";
                return new Found(entry, point, call, point.cookie() ? null : why);
            }
        }
        return new Found(entry, point, null, "it comes from a dropped request (" + dropped.get(entry.index()) + ")");
    }

    private Candidate decide(String value, List<Use> uses, List<Found> found) {
        List<String> from = found.stream().map(Correlations::from).toList();
        List<String> to = uses.stream()
                .map(u -> u.call().display() + ": " + u.sink().label())
                .toList();
        String shown = value.length() <= SHOWN ? value : value.substring(0, SHOWN - 4) + "…";
        Found only = found.getFirst();
        String why = whyNot(found);
        if (why != null) {
            return new Candidate(shown, value.length(), from, to, null, null, why);
        }
        String hint = only.point().name() != null
                ? only.point().name()
                : uses.getFirst().sink().name();
        String name = names.unique(hint);
        saves.computeIfAbsent(only.call().number(), n -> new LinkedHashMap<>())
                .put(name, only.point().expression());
        for (Use use : uses) {
            replacements
                    .computeIfAbsent(use.call().number(), n -> new LinkedHashMap<>())
                    .put(use.sink().place(), "${" + name + "}");
        }
        return new Candidate(shown, value.length(), from, to, name, only.point().expression(), null);
    }

    /** Why the value cannot be saved, or null when it can. */
    private static String whyNot(List<Found> found) {
        if (found.size() > 1) {
            return "found in " + found.size() + " places; save the right one by hand";
        }
        Found only = found.getFirst();
        if (only.why() != null) {
            return only.why();
        }
        return only.point().expression() == null ? "no save expression finds it there alone" : null;
    }

    private static String from(Found f) {
        String where = f.call() != null ? f.call().display() : request(f.entry());
        return where + ": " + f.point().label();
    }

    static String request(HarEntry entry) {
        String text = entry.request().method() + " " + entry.request().url();
        return text.length() > 90 ? text.substring(0, 89) + "…" : text;
    }
}
