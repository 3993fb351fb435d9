package dev.golive.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response as it came, body already decompressed.
 *
 * @param encoding the {@code Content-Encoding} the server used on the wire, or null
 * @param keepAlive whether the connection may carry another request (HTTP/1.1 without {@code
 *     Connection: close}, or HTTP/1.0 with {@code Connection: keep-alive})
 */
record Incoming(
        int status,
        String reason,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        String encoding,
        boolean keepAlive) {
    Incoming {
        headers = List.copyOf(headers);
    }

    Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    List<String> headers(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The response as text, with how long it took. */
    String render(Duration time) {
        StringBuilder out = new StringBuilder()
                .append(status)
                .append(' ')
                .append(reason)
                .append(" (")
                .append(time.toMillis())
                .append(" ms")
                .append(encoding == null ? "" : ", " + encoding + " on the wire")
                .append(")\n");
        headers.forEach(
                h -> out.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (body.length > 0) {
            out.append('\n').append(text()).append('\n');
        }
        return out.toString();
    }
}
