package dev.golive.diag;

/** A file cannot be read as a capture: missing, unreadable, or holding no dump, histogram or CPU table. */
public final class DiagException extends RuntimeException {
    public DiagException(String message) {
        super(message);
    }

    public DiagException(String message, Throwable cause) {
        super(message, cause);
    }
}
