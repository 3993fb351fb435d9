package dev.golive.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which recorded request headers a scenario keeps. The browser adds many that golive sets itself
 * (Host, Content-Length, Accept-Encoding, cookies from its jar), that describe the browser rather
 * than the application (User-Agent, sec-*), that name the recorded host (Origin, Referer) or that
 * ask its cache (If-None-Match); the rest, such as Authorization, Accept and X-* headers, is kept.
 */
final class Headers {
    private static final Set<String> DROPPED = Set.of(
            "cookie",
            "host",
            "content-length",
            "accept-encoding",
            "accept-language",
            "user-agent",
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authorization",
            "transfer-encoding",
            "upgrade",
            "te",
            "trailer",
            "expect",
            "upgrade-insecure-requests",
            "dnt",
            "priority",
            "pragma",
            "cache-control",
            "if-none-match",
            "if-modified-since",
            "if-range",
            "origin",
            "referer",
            "purpose",
            "x-client-data",
            "traceparent",
            "tracestate",
            "baggage",
            "sentry-trace");

    private Headers() {}

    /** The headers worth keeping, in recorded order; a repeated header is joined with commas. */
    static Map<String, String> kept(List<HarEntry.Header> headers, boolean keepContentType) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HarEntry.Header h : headers) {
            if (keeps(h, keepContentType)) {
                String name = existing(out, h.name()).orElse(h.name());
                out.merge(name, h.value(), (a, b) -> a + ", " + b);
            }
        }
        return out;
    }

    static boolean keeps(HarEntry.Header header, boolean keepContentType) {
        String name = header.name().toLowerCase(Locale.ROOT);
        if (name.startsWith(":") || name.startsWith("sec-") || DROPPED.contains(name)) {
            return false;
        }
        if (name.equals("content-type")) {
            return keepContentType;
        }
        // The browser's navigation Accept says "HTML, or anything": golive's */* asks the same.
        return !name.equals("accept")
                || !(header.value().contains("text/html") || header.value().equals("*/*"));
    }

    static Optional<String> first(List<HarEntry.Header> headers, String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(HarEntry.Header::value)
                .findFirst();
    }

    private static Optional<String> existing(Map<String, String> map, String name) {
        return map.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
    }
}
