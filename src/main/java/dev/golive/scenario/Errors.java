package dev.golive.scenario;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * The kinds of failure a step can have, so a report can say what went wrong, not only how
 * often: a server that refuses connections is a different night from one that answers 500.
 */
public final class Errors {
    /** The connection could not be opened (refused, unreachable, connect timeout). */
    public static final String CONNECT = "connect";
    /** The TLS handshake failed (certificate, protocol). */
    public static final String TLS = "tls";
    /** No response within the response timeout. */
    public static final String TIMEOUT = "timeout";
    /** The server closed or reset the connection before the response was complete. */
    public static final String RESET = "reset";
    /** The response was not valid HTTP. */
    public static final String MALFORMED = "malformed";
    /** The response body was larger than golive keeps. */
    public static final String TOO_LARGE = "too-large";
    /** The status was not one the step accepts. */
    public static final String STATUS = "status";
    /** A check other than the status failed, or a value to save was not found. */
    public static final String CHECK = "check";
    /** The step could not be run as written: a missing value, a bad URL, an exhausted feed. */
    public static final String SCRIPT = "script";
    /** The run was stopped while the step waited. */
    public static final String INTERRUPTED = "interrupted";

    public static final List<String> ALL =
            List.of(CONNECT, TLS, TIMEOUT, RESET, MALFORMED, TOO_LARGE, STATUS, CHECK, SCRIPT, INTERRUPTED);

    private Errors() {}

    /** Counts by kind as one line, in the map's order: {@code "reset 3, timeout 1"}. */
    public static String list(Map<String, Long> byKind) {
        return byKind.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The counts by kind in parentheses after a count, {@code " (reset 3, timeout 1)"}; empty without any. */
    public static String noted(Map<String, Long> byKind) {
        return byKind.isEmpty() ? "" : " (" + list(byKind) + ")";
    }

    /** The kind of an exception that ended an exchange. */
    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpFailure f) {
                return f.kind();
            }
            if (t instanceof TooLongFrameException) {
                return TOO_LARGE;
            }
            if (t instanceof SSLException) {
                return TLS;
            }
            if (t instanceof DecoderException) {
                return MALFORMED;
            }
            if (t instanceof ConnectException) {
                return CONNECT;
            }
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof ClosedChannelException) {
                return RESET;
            }
            if (t.getCause() == null && t instanceof IOException) {
                return RESET;
            }
        }
        return RESET;
    }

    /** An exchange that failed in a known way. */
    static final class HttpFailure extends IOException {
        private final String kind;

        HttpFailure(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        HttpFailure(String kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }
}
