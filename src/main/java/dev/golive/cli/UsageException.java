package dev.golive.cli;

/** The user asked for something that cannot be done as asked; exits with code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
