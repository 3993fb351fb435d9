package dev.golive.drill;

/** A drill that cannot be run as declared: too many instances, a fault the host does not allow. */
public final class DrillException extends RuntimeException {
    public DrillException(String message) {
        super(message);
    }
}
