package dev.golive.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request step of the scenario being built: the first request of a recorded redirect chain,
 * with what the chain ended with.
 *
 * @param number the request's position in the scenario, from 1
 * @param chain the recorded request and the redirect hops golive follows after it
 * @param method the HTTP method
 * @param base empty when the URL is relative to the entry, else the origin it is written with
 * @param path the raw path, below the entry when {@code base} is empty
 * @param url the URL as recorded
 * @param headers the request headers kept
 * @param body the body, or null
 * @param status the status expected, or null for any 2xx or 3xx
 * @param redirects whether golive follows redirects for this step
 * @param save values saved from the response, name to expression
 * @param replaced places whose recorded value is written as a reference instead
 */
record Call(
        int number,
        List<HarEntry> chain,
        String method,
        String base,
        String path,
        Url url,
        Map<String, String> headers,
        Body body,
        Integer status,
        boolean redirects,
        Map<String, String> save,
        Map<Place, String> replaced) {
    Call {
        chain = List.copyOf(chain);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        save = Collections.unmodifiableMap(new LinkedHashMap<>(save));
        replaced = Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
    }

    HarEntry first() {
        return chain.getFirst();
    }

    HarEntry last() {
        return chain.getLast();
    }

    Instant start() {
        return first().start();
    }

    Instant end() {
        return last().end();
    }

    /** The path and query as recorded, relative to the entry when the step is. */
    String target() {
        return base + path + (url.query() == null ? "" : "?" + url.query());
    }

    /** How messages name this request: {@code #3 GET /shop/search?q=hat}. */
    String display() {
        String target = target();
        return "#" + number + " " + method + " " + (target.length() > 80 ? target.substring(0, 79) + "…" : target);
    }

    Call with(Map<String, String> moreSaves, Map<Place, String> moreReplaced) {
        Map<String, String> s = new LinkedHashMap<>(save);
        s.putAll(moreSaves);
        Map<Place, String> r = new LinkedHashMap<>(replaced);
        r.putAll(moreReplaced);
        return new Call(number, chain, method, base, path, url, headers, body, status, redirects, s, r);
    }
}
