package dev.golive.release;

/** A request about releases that cannot be done as asked: an unknown version, different bytes under a version. */
public class ReleaseException extends RuntimeException {
    public ReleaseException(String message) {
        super(message);
    }
}
