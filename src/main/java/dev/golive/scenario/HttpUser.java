package dev.golive.scenario;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of one virtual user: one keep-alive connection per origin and the user's cookies.
 * Used by one thread at a time.
 */
final class HttpUser implements AutoCloseable {
    private static final int MAX_REDIRECTS = 10;

    private final EventLoopGroup group;
    private final SslContext ssl;
    private final Timeouts timeouts;
    private final Map<Origin, Connection> connections = new HashMap<>();
    private CookieJar cookies = new CookieJar();

    HttpUser(EventLoopGroup group, SslContext ssl, Timeouts timeouts) {
        this.group = group;
        this.ssl = ssl;
        this.timeouts = timeouts;
    }

    CookieJar cookies() {
        return cookies;
    }

    /** Starts a new session: the connections stay open, the cookies go. */
    void forgetCookies() {
        cookies = new CookieJar();
    }

    /** Sends the request, following redirects when asked; returns every exchange, the last one final. */
    List<Exchange> send(Outgoing first, boolean followRedirects) throws IOException {
        List<Exchange> chain = new ArrayList<>();
        Outgoing out = first;
        while (true) {
            Exchange exchange = once(out);
            chain.add(exchange);
            URI next = followRedirects ? redirectTarget(exchange) : null;
            if (next == null) {
                return chain;
            }
            if (chain.size() > MAX_REDIRECTS) {
                throw new Errors.HttpFailure(
                        Errors.STATUS, "more than " + MAX_REDIRECTS + " redirects, the last to " + next);
            }
            int status = exchange.response().status();
            out = out.redirectedTo(next, status == 307 || status == 308);
        }
    }

    private Exchange once(Outgoing out) throws IOException {
        Outgoing sent = withCookies(out);
        long start = System.nanoTime();
        Incoming in = connection(Origin.of(sent.uri())).exchange(sent, timeouts.response());
        long nanos = System.nanoTime() - start;
        cookies.receive(sent.uri(), in.headers("set-cookie"));
        if (!in.keepAlive()) {
            Connection c = connections.remove(Origin.of(sent.uri()));
            if (c != null) {
                c.close();
            }
        }
        return new Exchange(sent, in, Duration.ofNanos(nanos));
    }

    private Outgoing withCookies(Outgoing out) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(out.headers());
        headers.removeIf(h -> h.getKey().equalsIgnoreCase("cookie"));
        cookies.header(out.uri()).ifPresent(c -> headers.add(Map.entry("Cookie", c)));
        return out.withHeaders(headers);
    }

    private Connection connection(Origin origin) throws IOException {
        Connection c = connections.get(origin);
        if (c == null || !c.usable()) {
            c = Connection.open(group, origin, ssl, timeouts.connect());
            connections.put(origin, c);
        }
        return c;
    }

    private static URI redirectTarget(Exchange exchange) {
        int status = exchange.response().status();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        return redirect
                ? exchange.response()
                        .header("location")
                        .map(l -> exchange.request().uri().resolve(l))
                        .orElse(null)
                : null;
    }

    @Override
    public void close() {
        connections.values().forEach(Connection::close);
        connections.clear();
    }
}
