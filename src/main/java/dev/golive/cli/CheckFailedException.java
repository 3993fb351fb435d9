package dev.golive.cli;

/** What was checked did not pass; exits with code 1. The details were already printed. */
final class CheckFailedException extends RuntimeException {
    CheckFailedException(String message) {
        super(message);
    }
}
