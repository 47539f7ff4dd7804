package dev.sanctions.processor.topology;

/**
 * The state stores that the HTTP API queries (interactive queries), and the layout of their keys.
 *
 * <p>{@link #CURRENT}: designation key to its current {@code DesignationState}.
 * {@link #HISTORY}: every version ever reached, keyed {@code designationKey + '\0' + version}
 * with the version zero-padded to 19 digits, so a prefix scan over {@link #historyPrefix} returns
 * the versions oldest first. History is kept forever (the store has no retention): a sanctions
 * history is small and must answer "as of" questions for any date.
 *
 * <p>Not a versioned store: those key versions by timestamp, so two versions from one announcement
 * (same {@code publishedAt}) would overwrite each other, and an announcement published out of
 * order would become "latest".
 */
public final class DesignationStores {

    public static final String CURRENT = "designations-current";
    public static final String HISTORY = "designations-history";

    private static final char SEPARATOR = '\u0000';
    /** Zero-padded to the width of Long.MAX_VALUE, so keys sort by version; built by hand, as it is on the hot path. */
    private static final int VERSION_DIGITS = 19;

    private DesignationStores() {}

    /** The {@link #HISTORY} key of one version. */
    static String historyKey(String designationKey, long version) {
        String digits = Long.toString(version);
        StringBuilder key = new StringBuilder(designationKey.length() + 20)
                .append(designationKey)
                .append(SEPARATOR);
        for (int pad = VERSION_DIGITS - digits.length(); pad > 0; pad--) {
            key.append('0');
        }
        return key.append(digits).toString();
    }

    /** The prefix shared by every {@link #HISTORY} key of one designation, and by no other. */
    public static String historyPrefix(String designationKey) {
        return designationKey + SEPARATOR;
    }
}
