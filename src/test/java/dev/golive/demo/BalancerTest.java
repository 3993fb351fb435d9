package dev.golive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** golive's own balancer, used by the demo where nginx is not installed. */
class BalancerTest {
    private final List<HttpServer> backends = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        backends.forEach(b -> b.stop(0));
    }

    @Test
    void roundRobinAndARequestThatCannotReachOneInstanceIsServedByTheOther() throws Exception {
        HttpServer one = backend("one");
        HttpServer two = backend("two");
        try (Balancer balancer = Balancer.start(List.of(url(one), url(two)), 0)) {
            assertThat(balancer.url()).startsWith("http://127.0.0.1:");
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = get(balancer.url() + "/hello");
                assertThat(r.statusCode()).isEqualTo(200);
                answered.add(r.body());
            }
            assertThat(answered).containsExactlyInAnyOrder("one", "two");

            one.stop(0);
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = get(balancer.url() + "/hello");
                assertThat(r.statusCode())
                        .as("request %d with one instance gone", i)
                        .isEqualTo(200);
                assertThat(r.body()).isEqualTo("two");
            }
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpServer backend(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        backends.add(server);
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
