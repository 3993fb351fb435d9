package dev.golive.scenario;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request as it goes on the wire, after values were substituted. Its wire form (origin, target,
 * headers) is worked out once, so a request every user sends alike is built once and sent many
 * times; nothing sending it may change it.
 */
final class Outgoing {
    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final String shown;
    private final Origin origin;
    private final HttpMethod wireMethod;
    private final String target;
    private final HttpHeaders wireHeaders;
    private final ByteBuffer wire;

    /**
     * @param shown the body as reports show it, or null for the body as text; a file upload shows
     *     its size there instead of its bytes
     */
    Outgoing(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body, String shown) {
        this.method = method;
        this.uri = uri;
        this.headers = List.copyOf(headers);
        this.body = body == null ? new byte[0] : body;
        this.shown = shown;
        this.origin = Origin.of(uri);
        this.wireMethod = HttpMethod.valueOf(method);
        this.target = target(uri);
        this.wireHeaders = wireHeaders(this.headers, method, this.body.length, uri);
        this.wire = encode();
    }

    Outgoing(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {
        this(method, uri, headers, body, null);
    }

    String method() {
        return method;
    }

    URI uri() {
        return uri;
    }

    byte[] body() {
        return body;
    }

    Origin origin() {
        return origin;
    }

    HttpMethod wireMethod() {
        return wireMethod;
    }

    /** The path and query of the request line. */
    String target() {
        return target;
    }

    /**
     * The headers as sent, with Host, and Content-Length when {@link #sendsLength}; shared by every
     * send, so read only.
     */
    HttpHeaders wireHeaders() {
        return wireHeaders;
    }

    /**
     * The request as bytes on the wire; null for CONNECT, which golive does not send itself. A
     * fresh view each time, the bytes shared.
     */
    ByteBuffer wire() {
        return wire == null ? null : wire.duplicate();
    }

    boolean hasHeader(CharSequence name) {
        return wireHeaders.contains(name);
    }

    /** The same request with one more header, or with that header replaced. */
    Outgoing withHeader(String name, String value) {
        List<Map.Entry<String, String>> replaced = new ArrayList<>(headers.size() + 1);
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase(name)) {
                replaced.add(h);
            }
        }
        replaced.add(Map.entry(name, value));
        return new Outgoing(method, uri, replaced, body, shown);
    }

    /** The same request without a header. */
    Outgoing without(String name) {
        return new Outgoing(
                method,
                uri,
                headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList(),
                body,
                shown);
    }

    Outgoing redirectedTo(URI to, boolean keepMethod) {
        if (keepMethod) {
            return new Outgoing(method, to, headers, body, shown);
        }
        List<Map.Entry<String, String>> kept = headers.stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("content-type"))
                .toList();
        return new Outgoing(method.equals("HEAD") ? "HEAD" : "GET", to, kept, null);
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

    /** What Netty's request encoder writes: the request line, the headers and the body. */
    private ByteBuffer encode() {
        if (wireMethod.equals(HttpMethod.CONNECT)) {
            return null;
        }
        StringBuilder head =
                new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        wireHeaders.forEach(
                h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer bytes =
                ByteBuffer.allocate(start.length + body.length).put(start).put(body);
        return bytes.flip().asReadOnlyBuffer();
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * Whether the request says how long its body is: when it has one, or when its method defines a
     * body (an empty POST says {@code Content-Length: 0}). A GET or DELETE without a body says
     * nothing, as browsers do (RFC 9110, section 8.6).
     */
    private static boolean sendsLength(String method, int length) {
        return length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static HttpHeaders wireHeaders(
            List<Map.Entry<String, String>> headers, String method, int length, URI uri) {
        HttpHeaders wire = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        headers.forEach(h -> wire.add(h.getKey(), h.getValue()));
        if (sendsLength(method, length)) {
            wire.set(HttpHeaderNames.CONTENT_LENGTH, length);
        } else {
            wire.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        if (!wire.contains(HttpHeaderNames.HOST)) {
            wire.set(HttpHeaderNames.HOST, uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        }
        return wire;
    }
}
