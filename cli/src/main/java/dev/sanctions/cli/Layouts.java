package dev.sanctions.cli;

import dev.sanctions.subscriber.Layout;

/** {@code --format} and {@code --wide} as every command that prints a table reads them. */
final class Layouts {

    /** The description of {@code --wide}, the same wherever it is offered. */
    static final String WIDE =
            "In the table, show every column in full (whole names) instead of cutting long ones with an ellipsis.";

    private Layouts() {}

    /** The layout asked for; a format other than table or json is a usage error. */
    static Layout of(String format, boolean wide) {
        try {
            return Layout.parse(format, wide);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--format: " + e.getMessage());
        }
    }
}
