package dev.golive.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's front balancer on loopback: round robin over the instances that answer their health
 * check, and a request that cannot reach one instance is tried once on the next. Enough to show
 * that losing one instance costs no user request.
 */
public final class Balancer implements Front {
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding");

    private final List<Backend> backends;
    private final HttpClient client;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService checker;
    private final AtomicInteger next = new AtomicInteger();

    private Balancer(List<String> backends, int port) throws IOException {
        this.backends = backends.stream().map(Backend::new).toList();
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(64, r -> daemon(r, "balancer-" + n.incrementAndGet()));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 500);
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "balancer-health"));
    }

    /** Starts balancing over {@code backends} (base URLs) on a loopback port, 0 for any free one. */
    public static Balancer start(List<String> backends, int port) throws IOException {
        Balancer b = new Balancer(backends, port);
        b.server.start();
        b.checker.scheduleWithFixedDelay(b::checkAll, 0, 500, TimeUnit.MILLISECONDS);
        return b;
    }

    public String kind() {
        return "golive's own balancer";
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void checkAll() {
        for (Backend b : backends) {
            try {
                HttpResponse<Void> r = client.send(
                        HttpRequest.newBuilder(URI.create(b.url + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                b.up = r.statusCode() == 200;
            } catch (IOException e) {
                b.up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void forward(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            int start = Math.floorMod(next.getAndIncrement(), backends.size());
            IOException last = null;
            for (int tried = 0, i = start; tried < backends.size(); tried++, i = (i + 1) % backends.size()) {
                Backend b = backends.get(i);
                if (!b.up && tried < backends.size() - 1) {
                    continue;
                }
                try {
                    relay(x, b, body);
                    return;
                } catch (IOException e) {
                    b.up = false;
                    last = e;
                }
            }
            byte[] why = ("no instance answered: " + (last == null ? "all down" : last.getMessage()) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.sendResponseHeaders(502, why.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(why);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void relay(HttpExchange x, Backend b, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(b.url + x.getRequestURI()))
                .timeout(Duration.ofSeconds(30))
                .method(x.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        x.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        r.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                x.getResponseHeaders().put(name, values);
            }
        });
        x.getResponseHeaders().set("X-Served-By", b.url);
        byte[] bytes = r.body();
        x.sendResponseHeaders(r.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        client.close();
    }

    private static final class Backend {
        final String url;
        volatile boolean up;

        Backend(String url) {
            this.url = url;
        }
    }
}
