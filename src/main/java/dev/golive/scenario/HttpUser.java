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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

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
        List<Exchange> chain = new ArrayList<>(1);
        chain.add(once(first, keepBodies));
        return follow(chain, followRedirects, keepBodies);
    }

    /** Follows the redirects from the chain's last exchange on, waiting for each response. */
    private List<Exchange> follow(List<Exchange> chain, boolean followRedirects, boolean keepBodies)
            throws IOException {
        Outgoing next;
        while ((next = next(chain, followRedirects)) != null) {
            chain.add(once(next, keepBodies));
        }
        return chain;
    }

    /**
     * Sends the request like {@link #send} without a thread waiting for the responses: {@code
     * done} takes the exchanges, or the failure, on the event loop, after the other responses read
     * with the last one (so the loop reads every response that came before the users write again).
     * A redirect to an origin without an open connection is followed on a new thread of {@code
     * threads}, which then runs {@code done}.
     *
     * @return false when the user has no open connection to the request's origin that this can
     *     use (none yet, or TLS): nothing was sent
     */
    boolean start(Outgoing first, boolean followRedirects, boolean keepBodies, Executor threads, Done done) {
        Connection c = open(first);
        if (c == null) {
            return false;
        }
        new Chain(followRedirects, keepBodies, threads, done).send(c, first);
        return true;
    }

    /** Takes the exchanges of a request started with {@link #start}, or why it failed. */
    @FunctionalInterface
    interface Done {
        void accept(List<Exchange> chain, IOException failure);
    }

    /** A request started with {@link #start}, and the redirects it follows. */
    private final class Chain {
        private final boolean followRedirects;
        private final boolean keepBodies;
        private final Executor threads;
        private final Done done;
        private final List<Exchange> exchanges = new ArrayList<>(1);

        Chain(boolean followRedirects, boolean keepBodies, Executor threads, Done done) {
            this.followRedirects = followRedirects;
            this.keepBodies = keepBodies;
            this.threads = threads;
            this.done = done;
        }

        void send(Connection c, Outgoing out) {
            Outgoing sent = withCookies(out);
            long start = System.nanoTime();
            try {
                c.exchange(
                        sent,
                        keepBodies,
                        start,
                        outcome -> loop.execute(() -> {
                            if (outcome instanceof Incoming in) {
                                received(sent, in, System.nanoTime() - start);
                            } else {
                                c.close();
                                done.accept(null, Connection.failure((IOException) outcome));
                            }
                        }));
            } catch (IOException e) {
                done.accept(null, e);
            }
        }

        private void received(Outgoing sent, Incoming in, long nanos) {
            exchanges.add(kept(sent, in, nanos));
            Outgoing next;
            try {
                next = next(exchanges, followRedirects);
            } catch (Errors.HttpFailure e) {
                done.accept(null, e);
                return;
            }
            if (next == null) {
                done.accept(exchanges, null);
                return;
            }
            Connection c = open(next);
            if (c != null) {
                send(c, next);
                return;
            }
            try {
                threads.execute(() -> {
                    List<Exchange> chain;
                    try {
                        exchanges.add(once(next, keepBodies));
                        chain = follow(exchanges, followRedirects, keepBodies);
                    } catch (IOException e) {
                        done.accept(null, e);
                        return;
                    }
                    done.accept(chain, null);
                });
            } catch (RejectedExecutionException e) {
                done.accept(null, new Errors.HttpFailure(Errors.INTERRUPTED, "the test was stopped"));
            }
        }
    }

    /**
     * The request a redirect asks for after the chain's last exchange, or null when the chain is
     * complete.
     */
    private static Outgoing next(List<Exchange> chain, boolean followRedirects) throws Errors.HttpFailure {
        if (!followRedirects) {
            return null;
        }
        Exchange last = chain.getLast();
        URI to = redirectTarget(last);
        if (to == null) {
            return null;
        }
        if (chain.size() > MAX_REDIRECTS) {
            throw new Errors.HttpFailure(Errors.STATUS, "more than " + MAX_REDIRECTS + " redirects, the last to " + to);
        }
        int status = last.response().status();
        return last.request().redirectedTo(to, status == 307 || status == 308);
    }

    private Exchange once(Outgoing out, boolean keepBody) throws IOException {
        Outgoing sent = withCookies(out);
        long start = System.nanoTime();
        Incoming in = connection(sent.origin()).exchange(sent, keepBody);
        return kept(sent, in, System.nanoTime() - start);
    }

    /** Takes in what a response says about the user's cookies and connection. */
    private Exchange kept(Outgoing sent, Incoming in, long nanos) {
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

    /** The open connection that can send the request without a thread waiting for it, or null. */
    private Connection open(Outgoing out) {
        Connection c = connections.get(out.origin());
        return c != null && c.usable() && c.direct() && out.wire() != null ? c : null;
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
