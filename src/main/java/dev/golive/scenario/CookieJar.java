package dev.golive.scenario;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.ClientCookieEncoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The cookies of one virtual user, matched by domain and path like a browser does. */
final class CookieJar {
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    void clear() {
        cookies.clear();
    }

    void receive(URI from, List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            Cookie cookie = ClientCookieDecoder.LAX.decode(header);
            if (cookie == null) {
                continue;
            }
            if (cookie.domain() == null) {
                cookie.setDomain(from.getHost());
            }
            if (cookie.path() == null) {
                cookie.setPath("/");
            }
            String key = cookie.domain().toLowerCase(Locale.ROOT) + cookie.path() + ";" + cookie.name();
            if (cookie.maxAge() == 0) {
                cookies.remove(key);
            } else {
                cookies.put(key, cookie);
            }
        }
    }

    /** The Cookie header for a request to {@code to}, if any cookie applies. */
    Optional<String> header(URI to) {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        List<Cookie> matching =
                cookies.values().stream().filter(c -> matches(c, to)).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(ClientCookieEncoder.LAX.encode(matching));
    }

    Optional<String> value(String name) {
        return cookies.values().stream()
                .filter(c -> c.name().equals(name))
                .map(Cookie::value)
                .reduce((first, second) -> second);
    }

    private static boolean matches(Cookie c, URI to) {
        String host = to.getHost().toLowerCase(Locale.ROOT);
        String domain = c.domain().toLowerCase(Locale.ROOT);
        domain = domain.startsWith(".") ? domain.substring(1) : domain;
        boolean hostOk = host.equals(domain) || host.endsWith("." + domain);
        String path = to.getRawPath() == null || to.getRawPath().isEmpty() ? "/" : to.getRawPath();
        boolean secureOk = !c.isSecure() || "https".equalsIgnoreCase(to.getScheme());
        return hostOk && path.startsWith(c.path()) && secureOk;
    }
}
