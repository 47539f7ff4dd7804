package dev.sanctions.cli;

import dev.sanctions.subscriber.DisplayText;

/**
 * How a command prints records: JSON lines, or a table whose columns are cut to their width with an ellipsis, or
 * padded but never cut ({@code --wide}).
 */
record Layout(boolean json, boolean wide) {

    /** {@code text} in a column {@code width} cells wide. */
    String column(String text, int width) {
        return wide ? DisplayText.pad(text, width) : DisplayText.fit(text, width);
    }
}
