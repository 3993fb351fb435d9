package dev.golive.target;

/**
 * Reaching a host or running something on it failed. The message says what was being done, to
 * which host (name and address) and what to do next; it never contains a secret.
 */
public final class TargetException extends RuntimeException {
    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
