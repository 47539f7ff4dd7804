package dev.sanctions.importers;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Text as lists write it, with the layout of the file (line wrapping, indentation) taken out. */
public final class Texts {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Texts() {}

    /** The text with runs of white space (line breaks of the file's layout among them) as one space; null if blank. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        if (alreadyClean(text)) {
            // Most texts of a list: the pattern would find nothing to replace (it was a tenth of an import's time).
            return text;
        }
        String cleaned = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * Whether {@link #clean} would return the text as it is: not empty, no white space at either end, and no white
     * space of {@link #WHITESPACE} but single spaces.
     */
    private static boolean alreadyClean(String text) {
        int length = text.length();
        if (length == 0 || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            boolean layout = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (layout && (c != ' ' || text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** The non-blank parts, cleaned, joined by {@code separator}; null when none is left. */
    public static String join(String separator, String... parts) {
        String joined =
                Arrays.stream(parts).map(Texts::clean).filter(Objects::nonNull).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }
}
