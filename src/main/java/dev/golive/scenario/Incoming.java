package dev.golive.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A response as it came, body already decompressed. The head is the bytes that came, read where
 * asked; the body is kept only when a check, a save or a transcript reads it, its size always.
 */
final class Incoming {
    private final ResponseHead head;
    private final byte[] body;
    private final long size;
    private final String encoding;
    private final boolean keepAlive;
    /** Whether it sets cookies: asked of every response, so found out once, where it is decoded. */
    private final boolean setsCookies;

    /**
     * @param body the body, or null when it was counted and not kept
     * @param encoding the {@code Content-Encoding} the server used on the wire, or null
     * @param keepAlive whether the connection may carry another request (HTTP/1.1 without {@code
     *     Connection: close}, or HTTP/1.0 with {@code Connection: keep-alive})
     */
    Incoming(ResponseHead head, byte[] body, long size, String encoding, boolean keepAlive) {
        this.head = head;
        this.body = body;
        this.size = size;
        this.encoding = encoding;
        this.keepAlive = keepAlive;
        this.setsCookies = head.setsCookies();
    }

    /** Whether it has a {@code Set-Cookie} header. */
    boolean setsCookies() {
        return setsCookies;
    }

    int status() {
        return head.status();
    }

    String reason() {
        return head.reason();
    }

    boolean keepAlive() {
        return keepAlive;
    }

    Optional<String> header(CharSequence name) {
        return Optional.ofNullable(head.get(name));
    }

    List<String> headers(CharSequence name) {
        return head.getAll(name);
    }

    /** The body's size in bytes, decompressed. */
    long size() {
        return size;
    }

    byte[] body() {
        if (body == null) {
            throw new IllegalStateException("the body of this response was not kept");
        }
        return body;
    }

    String text() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The response as text, with how long it took. */
    String render(Duration time) {
        StringBuilder out = new StringBuilder()
                .append(head.status())
                .append(' ')
                .append(head.reason())
                .append(" (")
                .append(time.toMillis())
                .append(" ms")
                .append(encoding == null ? "" : ", " + encoding + " on the wire")
                .append(")\n");
        head.forEach(
                (name, value) -> out.append(name).append(": ").append(value).append('\n'));
        if (size > 0) {
            out.append('\n').append(text()).append('\n');
        }
        return out.toString();
    }
}
