package dev.sanctions.subscriber;

/**
 * Fits free text into a terminal column: control characters become spaces, East Asian wide characters count two
 * cells (names may be written in Japanese or Chinese), and text too wide is cut with an ellipsis.
 */
public final class DisplayText {

    private static final String ELLIPSIS = "…";

    private DisplayText() {}

    /** {@code text} padded with spaces, or cut, to exactly {@code width} cells. */
    public static String fit(String text, int width) {
        String clean = printable(text);
        if (cells(clean) <= width) {
            return padded(clean, width);
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < clean.length(); ) {
            int codePoint = clean.codePointAt(i);
            int w = cells(codePoint);
            if (used + w > width - 1) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return padded(cut.append(ELLIPSIS).toString(), width);
    }

    /** {@code text} padded with spaces to at least {@code width} cells; never cut (the wide table view). */
    public static String pad(String text, int width) {
        return padded(printable(text), width);
    }

    /** {@code text} right-aligned in {@code width} cells; never cut. */
    public static String right(String text, int width) {
        String clean = printable(text);
        int missing = width - cells(clean);
        return missing > 0 ? " ".repeat(missing) + clean : clean;
    }

    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }

    static int cells(String text) {
        return text.codePoints().map(DisplayText::cells).sum();
    }

    private static String padded(String text, int width) {
        int missing = width - cells(text);
        return missing > 0 ? text + " ".repeat(missing) : text;
    }

    /** The East Asian Wide and Fullwidth blocks of Unicode (UAX #11) that names use in practice. */
    private static int cells(int c) {
        boolean wide = (c >= 0x1100 && c <= 0x115F)
                || (c >= 0x2E80 && c <= 0x303E)
                || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
