package dev.golive.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request as it goes on the wire, after values were substituted.
 *
 * @param shown the body as reports show it, or null for the body as text; a file upload shows
 *     its size there instead of its bytes
 */
record Outgoing(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body, String shown) {
    Outgoing {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    Outgoing(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {
        this(method, uri, headers, body, null);
    }

    Outgoing withHeaders(List<Map.Entry<String, String>> replaced) {
        return new Outgoing(method, uri, replaced, body, shown);
    }

    Outgoing redirectedTo(URI target, boolean keepMethod) {
        if (keepMethod) {
            return new Outgoing(method, target, headers, body, shown);
        }
        List<Map.Entry<String, String>> kept = headers.stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("content-type"))
                .toList();
        return new Outgoing(method.equals("HEAD") ? "HEAD" : "GET", target, kept, null);
    }

    /** The request as text, the way it was sent. */
    String render() {
        StringBuilder out = new StringBuilder(method).append(' ').append(uri).append('\n');
        headers.forEach(
                h -> out.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (body.length > 0) {
            out.append('\n')
                    .append(shown != null ? shown : new String(body, StandardCharsets.UTF_8))
                    .append('\n');
        }
        return out.toString();
    }
}
