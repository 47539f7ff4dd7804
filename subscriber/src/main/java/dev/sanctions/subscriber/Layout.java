package dev.sanctions.subscriber;

import java.util.Locale;

/**
 * How a command prints records ({@code --format table|json}, {@code --wide}): JSON lines, or a {@link Table} whose
 * columns are cut to their width with an ellipsis, or padded but never cut when wide.
 */
public record Layout(boolean json, boolean wide) {

    /** The default for people: a table, long values cut. */
    public static final Layout TABLE = new Layout(false, false);

    /** One JSON object per line. */
    public static final Layout JSON = new Layout(true, false);

    /** {@code table} or {@code json}, any case; {@code wide} only matters to the table. */
    public static Layout parse(String format, boolean wide) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "table" -> new Layout(false, wide);
            case "json" -> new Layout(true, wide);
            default -> throw new IllegalArgumentException("expected 'table' or 'json', got '" + format + "'");
        };
    }

    /** The table of these columns, cutting or not as this layout says. */
    public Table table(Table.Column... columns) {
        return Table.of(wide, columns);
    }
}
