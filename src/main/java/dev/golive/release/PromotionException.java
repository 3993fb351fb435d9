package dev.golive.release;

/** A deploy refused because the release did not pass the environment it is promoted from. */
public final class PromotionException extends RuntimeException {
    public PromotionException(String message) {
        super(message);
    }
}
