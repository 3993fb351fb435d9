package dev.golive.release;

import dev.golive.target.Command;
import dev.golive.target.Result;
import dev.golive.target.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Takes an instance out of the balancer and back: a command on its host, or an HTTP call. */
final class Drains {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Drains() {}

    /** Runs the drain or undrain; null when it worked, else why not. */
    static String call(Target target, String drain) {
        if (drain.startsWith("http://") || drain.startsWith("https://")) {
            return post(drain);
        }
        Result r = target.run(Command.of(drain).withTimeout(TIMEOUT));
        return r.ok() ? null : r.summary();
    }

    private static String post(String url) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "POST " + url + " answered " + status;
        } catch (IOException | IllegalArgumentException e) {
            return "POST " + url + " failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "POST " + url + " was interrupted";
        }
    }
}
