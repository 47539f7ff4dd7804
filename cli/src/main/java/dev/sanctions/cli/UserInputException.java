package dev.sanctions.cli;

/** Bad input or usage that the user can fix: exit code 2, one line on stderr, no stack trace. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
