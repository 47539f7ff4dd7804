package dev.sanctions.subscriber;

import java.util.List;
import java.util.Objects;

/**
 * The one way every command prints a table for people ({@code subscribe}, {@code state}, {@code rejected},
 * {@code dlq}): columns of fixed terminal width ({@link DisplayText}: East Asian wide characters count two cells,
 * control characters become spaces) two spaces apart, text too wide cut with {@code …} so the columns stay aligned.
 * Wide ({@code --wide}) pads the same way but never cuts: every value is shown in full, at the price of alignment.
 * The last column is free text; trailing spaces are dropped.
 */
public final class Table {

    /** A column that is never cut (the last one, usually). */
    public static final int FREE = 0;

    private static final String GAP = "  ";

    /** One column: its title, its width in terminal cells ({@link #FREE}: any), and whether it is right-aligned. */
    public record Column(String title, int width, boolean right) {
        public Column {
            Objects.requireNonNull(title, "title");
            if (width < 0) {
                throw new IllegalArgumentException("width must be at least 0, got " + width);
            }
        }

        /** Left-aligned, {@code width} cells. */
        public static Column left(String title, int width) {
            return new Column(title, width, false);
        }

        /** Right-aligned (numbers), at least {@code width} cells; never cut, a number cut would lie. */
        public static Column right(String title, int width) {
            return new Column(title, width, true);
        }

        /** Free text, never cut. */
        public static Column free(String title) {
            return new Column(title, FREE, false);
        }

        private String cell(String text, boolean wide) {
            if (right) {
                return DisplayText.right(text, width);
            }
            if (width == FREE) {
                return DisplayText.printable(text);
            }
            return wide ? DisplayText.pad(text, width) : DisplayText.fit(text, width);
        }
    }

    private final boolean wide;
    private final List<Column> columns;

    private Table(boolean wide, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.wide = wide;
        this.columns = List.copyOf(columns);
    }

    /** A table of these columns; {@code wide}: never cut. */
    public static Table of(boolean wide, Column... columns) {
        return new Table(wide, List.of(columns));
    }

    /** The column titles, laid out as a row. */
    public String header() {
        return row(columns.stream().map(Column::title).toArray(String[]::new));
    }

    /** One row: one text per column, in order ({@code null} shows as {@code -}). */
    public String row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of this table has " + columns.size() + " cells, got " + cells.length);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(columns.get(i).cell(cells[i] == null ? "-" : cells[i], wide));
        }
        return line.toString().stripTrailing();
    }
}
