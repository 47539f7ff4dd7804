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
        String cleaned = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The non-blank parts, cleaned, joined by {@code separator}; null when none is left. */
    public static String join(String separator, String... parts) {
        String joined =
                Arrays.stream(parts).map(Texts::clean).filter(Objects::nonNull).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }
}
