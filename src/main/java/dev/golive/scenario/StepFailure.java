package dev.golive.scenario;

/** A step could not be run as written: a missing value, a bad URL, an exhausted feed. */
final class StepFailure extends RuntimeException {
    StepFailure(String message) {
        super(message);
    }
}
