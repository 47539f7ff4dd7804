package dev.sanctions.producer;

import java.util.List;
import java.util.Locale;

/** The message for a field the schema does not have, with a guess when it looks like a typo. */
final class UnknownFields {

    private static final int MAX_TYPO_DISTANCE = 2;

    private UnknownFields() {}

    static String message(String name, List<String> allowed) {
        String guess = closest(name, allowed);
        return "unknown field '" + name + "'" + (guess != null ? ", did you mean '" + guess + "'?" : "") + " (allowed: "
                + String.join(", ", allowed) + ")";
    }

    private static String closest(String name, List<String> allowed) {
        String best = null;
        // Short names are too close to everything for a guess to help.
        int bestDistance = Math.min(MAX_TYPO_DISTANCE, (name.length() - 1) / 2) + 1;
        for (String candidate : allowed) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: a swap of two neighbours ("nmae") counts as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
