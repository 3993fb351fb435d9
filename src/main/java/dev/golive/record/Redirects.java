package dev.golive.record;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Joins each recorded redirect to the request the browser made to its Location. The browser
 * records every hop as an entry of its own; golive follows redirects by itself, so the hops
 * become one step: the first request, expecting what the last hop got.
 */
final class Redirects {
    /** How many later entries may come between a redirect and its hop, for requests in parallel. */
    private static final int LOOK_AHEAD = 10;

    private Redirects() {}

    static boolean is(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The entries in chains: a request and the hops that followed it, in order of the first. */
    static List<List<HarEntry>> chains(List<HarEntry> entries) {
        Set<Integer> hops = new HashSet<>();
        List<List<HarEntry>> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (hops.contains(i)) {
                continue;
            }
            List<HarEntry> chain = new ArrayList<>(List.of(entries.get(i)));
            int at = i;
            for (Optional<Integer> next = hop(entries, at, hops); next.isPresent(); next = hop(entries, at, hops)) {
                at = next.get();
                hops.add(at);
                chain.add(entries.get(at));
            }
            out.add(chain);
        }
        return out;
    }

    private static Optional<Integer> hop(List<HarEntry> entries, int from, Set<Integer> taken) {
        HarEntry redirect = entries.get(from);
        Optional<String> target = location(redirect);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        for (int j = from + 1; j < entries.size() && j <= from + LOOK_AHEAD; j++) {
            HarEntry next = entries.get(j);
            if (!taken.contains(j)
                    && same(next.request().url(), target.get())
                    && next.request().method().equals(method(redirect))) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    /** Where a redirect points, made absolute; empty for anything else. */
    static Optional<String> location(HarEntry entry) {
        if (!is(entry.response().status())) {
            return Optional.empty();
        }
        return entry.response()
                .header("Location")
                .flatMap(l -> resolve(entry.request().url(), l));
    }

    private static Optional<String> resolve(String base, String location) {
        try {
            return Optional.of(URI.create(base).resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The method of the request that follows a redirect: 307 and 308 repeat it, the others GET. */
    private static String method(HarEntry redirect) {
        int status = redirect.response().status();
        String method = redirect.request().method();
        return status == 307 || status == 308 || method.equals("HEAD") ? method : "GET";
    }

    private static boolean same(String a, String b) {
        Url x = Url.parse(a);
        Url y = Url.parse(b);
        return x != null && x.equals(y);
    }
}
