package dev.golive.record;

/** A recording cannot be read or imported as asked; the message names the file and what is wrong. */
public final class HarException extends RuntimeException {
    HarException(String message) {
        super(message);
    }
}
