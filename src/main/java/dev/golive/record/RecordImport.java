package dev.golive.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a browser recording (HAR) into a golive scenario. */
public final class RecordImport {
    private final Path file;
    private final ImportOptions options;
    private final List<HarEntry> entries;
    private final Map<Integer, String> dropped = new LinkedHashMap<>();
    private final Set<String> otherOrigins = new LinkedHashSet<>();
    private final List<String> secrets = new ArrayList<>();
    private int followed;

    private RecordImport(Path file, ImportOptions options) {
        this.file = file;
        this.options = options;
        this.entries = Har.read(file);
    }

    /**
     * Reads the recording and writes the scenario.
     *
     * @throws HarException when the file is not a HAR recording, or nothing in it is left to import
     */
    public static Imported run(Path file, ImportOptions options) {
        return new RecordImport(file, options).run();
    }

    private Imported run() {
        if (entries.isEmpty()) {
            throw new HarException(file + ": the recording holds no requests");
        }
        List<HarEntry> candidates = new ArrayList<>();
        for (HarEntry e : entries) {
            String why = Drops.reason(e, options);
            if (why != null) {
                dropped.put(e.index(), why);
            } else {
                candidates.add(e);
            }
        }
        List<List<HarEntry>> chains = Redirects.chains(candidates);
        Url entry = entry(chains);
        List<Call> calls = new ArrayList<>();
        for (List<HarEntry> chain : chains) {
            if (kept(chain, entry)) {
                calls.add(Calls.of(calls.size() + 1, chain, entry, secrets));
                followed += chain.size() - 1;
            }
        }
        if (calls.isEmpty()) {
            throw new HarException(file + ": no request is left to import: " + entries.size() + " in the recording, "
                    + "dropped " + reasons() + "; try --keep-static, --keep-other-origins or another --entry");
        }
        Correlations.Result correlated = Correlations.find(entries, calls, dropped);
        List<ScenarioWriter.Item> items = items(correlated.calls());
        Summary summary = summary(entry, correlated, items);
        String yaml = ScenarioWriter.write(
                options.scenario(), items, comments(summary, correlated.calls().size()));
        return new Imported(yaml, summary);
    }

    private Url entry(List<List<HarEntry>> chains) {
        if (options.entry() == null) {
            if (chains.isEmpty()) {
                throw new HarException(file + ": no request is left to import: " + entries.size()
                        + " in the recording, dropped " + reasons() + "; try --keep-static");
            }
            return new Url(
                    Url.parse(chains.getFirst().getFirst().request().url()).origin(), "/", null);
        }
        Url url = Url.parse(options.entry());
        if (url == null || url.query() != null) {
            throw new HarException("--entry '" + options.entry()
                    + "': expected an http or https URL without a query, like https://shop.example/app");
        }
        String path = url.path().endsWith("/") && url.path().length() > 1
                ? url.path().substring(0, url.path().length() - 1)
                : url.path();
        return new Url(url.origin(), path, null);
    }

    private boolean kept(List<HarEntry> chain, Url entry) {
        Url url = Url.parse(chain.getFirst().request().url());
        if (options.keepOtherOrigins() || url.origin().equals(entry.origin())) {
            return true;
        }
        otherOrigins.add(url.host());
        chain.forEach(e -> dropped.put(e.index(), Drops.OTHER_ORIGIN));
        return false;
    }

    private List<ScenarioWriter.Item> items(List<Call> calls) {
        List<ScenarioWriter.Item> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Duration think = i == 0 ? null : ThinkTimes.between(calls.get(i - 1), calls.get(i));
            if (think != null) {
                out.add(new ScenarioWriter.Think(ThinkTimes.format(think)));
            }
            out.add(new ScenarioWriter.Request(calls.get(i)));
        }
        return out;
    }

    private Summary summary(Url entry, Correlations.Result correlated, List<ScenarioWriter.Item> items) {
        int thinks = (int)
                items.stream().filter(ScenarioWriter.Think.class::isInstance).count();
        return new Summary(
                file.toString(),
                options.scenario(),
                entry.origin() + (entry.path().equals("/") ? "" : entry.path()),
                entries.size(),
                correlated.calls().size(),
                followed,
                byReason(),
                List.copyOf(otherOrigins),
                thinks,
                correlated.candidates(),
                secrets,
                warnings(correlated.calls(), entry));
    }

    private List<String> warnings(List<Call> calls, Url entry) {
        List<String> out = new ArrayList<>(Warnings.of(calls, entries));
        long others =
                dropped.values().stream().filter(Drops.OTHER_ORIGIN::equals).count();
        if (options.entry() == null && others > calls.size()) {
            out.add(others + " requests to other origins were dropped and " + calls.size() + " kept for "
                    + entry.origin() + "; give --entry if the application is elsewhere");
        }
        return out;
    }

    private Map<String, Integer> byReason() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String reason : List.of(
                Drops.STATIC, Drops.OTHER_ORIGIN, Drops.PATTERN, Drops.METHOD, Drops.NO_RESPONSE, Drops.NOT_HTTP)) {
            int n = (int) dropped.values().stream().filter(reason::equals).count();
            if (n > 0) {
                out.put(reason, n);
            }
        }
        return out;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String reasons() {
        List<String> parts = new ArrayList<>();
        byReason().forEach((reason, n) -> parts.add(reason + " " + n));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private List<String> comments(Summary s, int requests) {
        List<String> out = new ArrayList<>();
        out.add("Scenario '" + s.scenario() + "' imported from " + file.getFileName() + " by golive record import: "
                + plural(requests, "request") + ", " + plural(s.thinks(), "think time") + ", relative to " + s.entry()
                + ".");
        List<String> saved = s.candidates().stream()
                .filter(Candidate::replaced)
                .map(Candidate::saved)
                .toList();
        if (!saved.isEmpty()) {
            out.add("Values the server hands out, saved and sent back: " + String.join(", ", saved) + ".");
        }
        s.secrets().forEach(line -> out.add("Secret: " + line + "."));
        List<Candidate> review =
                s.candidates().stream().filter(c -> !c.replaced()).toList();
        if (!review.isEmpty()) {
            out.add("Sent back as recorded, review these:");
            review.forEach(c -> out.add("  '" + c.value() + "' from " + String.join(" and ", c.from()) + ", sent in "
                    + String.join(" and ", c.to()) + ": " + c.reason()));
        }
        s.warnings().forEach(w -> out.add("Warning: " + w));
        return out;
    }
}
