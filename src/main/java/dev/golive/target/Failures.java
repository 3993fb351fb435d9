package dev.golive.target;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Short, plain reasons for the ways a connection fails, with what to do about each. */
final class Failures {
    /** The reason given when the server turned down every key offered. */
    static final String LOGIN_REFUSED = "login refused";

    private Failures() {}

    static String reason(Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String known = known(t, timeout);
            if (known != null) {
                return known;
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String known(Throwable t, Duration timeout) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof ConnectException) {
            return "connection refused; check that sshd runs there and that the address and port are right";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host; check the address and the network in between";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host name; check the address in the plan or ssh config";
        }
        if (t instanceof SocketTimeoutException || message.toLowerCase().contains("timeout")) {
            return "no answer within " + seconds(timeout) + "; check the address and any firewall in between";
        }
        if (message.contains("No more authentication methods")) {
            return LOGIN_REFUSED;
        }
        return null;
    }

    /** {@code 1 s}, {@code 1.5 s}. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
