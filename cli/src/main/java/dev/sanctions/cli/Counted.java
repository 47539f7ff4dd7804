package dev.sanctions.cli;

/** A count with its noun in the right number, for the lines people read: "1 action", "3 actions". */
public final class Counted {
    private Counted() {}

    /** {@code noun} is singular and takes an "s" in the plural, as every noun the command line counts does. */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** For nouns with another plural: "1 entry", "3 entries". */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
