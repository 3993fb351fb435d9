package dev.golive.scenario;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of one virtual user: one keep-alive connection per origin and the user's cookies.
 * Used by one thread at a time.
 */
final class HttpUser implements AutoCloseable {
    private static final int MAX_REDIRECTS = 10;

    private final Network network;
    private final EventLoop loop;
    private final Timeouts timeouts;
    private final Map<Origin, Connection> connections = new HashMap<>();
    private final CookieJar cookies = new CookieJar();

    HttpUser(Network network, EventLoop loop, Timeouts timeouts) {
        this.network = network;
        this.loop = loop;
        this.timeouts = timeouts;
    }

    CookieJar cookies() {
        return cookies;
    }

    /** Starts a new session: the connections stay open, the cookies go. */
    void forgetCookies() {
        cookies.clear();
    }

    /**
     * Sends the request, following redirects when asked; returns every exchange, the last one
     * final. The bodies of the responses are kept only when {@code keepBodies}, their sizes always.
     */
    List<Exchange> send(Outgoing first, boolean followRedirects, boolean keepBodies) throws IOException {
        Exchange exchange = once(first, keepBodies);
        URI next = followRedirects ? redirectTarget(exchange) : null;
        if (next == null) {
            return List.of(exchange);
        }
        List<Exchange> chain = new ArrayList<>(List.of(exchange));
        Outgoing out = first;
        while (next != null) {
            if (chain.size() > MAX_REDIRECTS) {
                throw new Errors.HttpFailure(
                        Errors.STATUS, "more than " + MAX_REDIRECTS + " redirects, the last to " + next);
            }
            int status = exchange.response().status();
            out = out.redirectedTo(next, status == 307 || status == 308);
            exchange = once(out, keepBodies);
            chain.add(exchange);
            next = redirectTarget(exchange);
        }
        return chain;
    }

    private Exchange once(Outgoing out, boolean keepBody) throws IOException {
        Outgoing sent = withCookies(out);
        long start = System.nanoTime();
        Incoming in = connection(sent.origin()).exchange(sent, keepBody);
        long nanos = System.nanoTime() - start;
        if (in.setsCookies()) {
            cookies.receive(sent.uri(), in.headers(HttpHeaderNames.SET_COOKIE));
        }
        if (!in.keepAlive()) {
            Connection c = connections.remove(sent.origin());
            if (c != null) {
                c.close();
            }
        }
        return new Exchange(sent, in, Duration.ofNanos(nanos));
    }

    /** The request with the user's cookies for its URL, in place of any Cookie header it has. */
    private Outgoing withCookies(Outgoing out) {
        Optional<String> cookie = cookies.header(out.uri());
        if (cookie.isPresent()) {
            return out.withHeader("Cookie", cookie.get());
        }
        return out.hasHeader(HttpHeaderNames.COOKIE) ? out.without("cookie") : out;
    }

    private Connection connection(Origin origin) throws IOException {
        Connection c = connections.get(origin);
        if (c == null || !c.usable()) {
            c = Connection.open(network, loop, origin, timeouts);
            connections.put(origin, c);
        }
        return c;
    }

    private static URI redirectTarget(Exchange exchange) {
        int status = exchange.response().status();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        return redirect
                ? exchange.response()
                        .header(HttpHeaderNames.LOCATION)
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
