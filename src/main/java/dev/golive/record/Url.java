package dev.golive.record;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded http or https URL, split by hand rather than by {@link java.net.URI}, which refuses
 * some characters browsers send as they are.
 *
 * @param origin scheme, host and port, lower case, without a default port: {@code https://shop.example}
 * @param path the raw path, at least {@code /}
 * @param query the raw query without {@code ?}, or null
 */
record Url(String origin, String path, String query) {
    /** The URL, or null when it is not an http or https URL. */
    static Url parse(String text) {
        int colon = text.indexOf("://");
        if (colon < 0) {
            return null;
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String rest = text.substring(colon + 3);
        int hash = rest.indexOf('#');
        rest = hash < 0 ? rest : rest.substring(0, hash);
        int slash = firstOf(rest, "/?");
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash);
        int question = tail.indexOf('?');
        String path = question < 0 ? tail : tail.substring(0, question);
        String query = question < 0 ? null : tail.substring(question + 1);
        return new Url(origin(scheme, authority), path.isEmpty() ? "/" : path, query);
    }

    private static String origin(String scheme, String authority) {
        String host = authority.substring(authority.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        if (host.endsWith(defaultPort)) {
            host = host.substring(0, host.length() - defaultPort.length());
        }
        return scheme + "://" + host;
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    String host() {
        return origin.substring(origin.indexOf("://") + 3);
    }

    /** Path and query as recorded. */
    String pathAndQuery() {
        return path + (query == null ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return origin + pathAndQuery();
    }

    /** Whether this URL is at or below {@code prefix} (an origin and a path without a trailing slash). */
    boolean under(Url prefix) {
        String base = prefix.path.equals("/") ? "" : prefix.path;
        return origin.equals(prefix.origin) && (base.isEmpty() || path.equals(base) || path.startsWith(base + "/"));
    }

    /** The path below {@code prefix}, starting with {@code /}. */
    String below(Url prefix) {
        String base = prefix.path.equals("/") ? "" : prefix.path;
        String rest = path.substring(base.length());
        return rest.isEmpty() ? "/" : rest;
    }

    /** The path's segments, raw; the first is empty for a path that starts with {@code /}. */
    List<String> segments() {
        return List.of(path.split("/", -1));
    }

    /** The query's parameters, raw and decoded. */
    List<Param> params() {
        return query == null ? List.of() : Param.parse(query);
    }

    /** Percent-decoding of a path segment, where {@code +} is a plus. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) && hex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                int cp = raw.codePointAt(i);
                out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * One {@code name=value} of a query or a form body.
     *
     * @param rawName the name as sent
     * @param rawValue the value as sent
     * @param name the name decoded
     * @param value the value decoded
     */
    record Param(String rawName, String rawValue, String name, String value) {
        static List<Param> parse(String text) {
            List<Param> out = new ArrayList<>();
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
                out.add(new Param(rawName, rawValue, decode(rawName), decode(rawValue)));
            }
            return out;
        }

        private static String decode(String raw) {
            try {
                return URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return raw;
            }
        }
    }
}
