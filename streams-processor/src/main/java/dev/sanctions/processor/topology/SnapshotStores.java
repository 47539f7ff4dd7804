package dev.sanctions.processor.topology;

/**
 * The stores behind full-list snapshots and the layout of their keys. Authorities and list ids hold no NUL, so
 * {@code authority + NUL + ...} keys of one authority (or one list) share a prefix no other has; UTF-8 byte order
 * is code-point order, so a range over a prefix visits designation keys in the order the fold needs.
 *
 * <ul>
 *   <li>{@link #LIST_INDEX}: {@code authority NUL list NUL designationKey} for every ACTIVE designation of a list;
 *   <li>{@link #APPLIED}: {@code authority NUL list} to the {@code publishedAt} (epoch millis) of the last snapshot
 *       of that list applied;
 *   <li>{@link #PENDING}: authority to the snapshot it is receiving, part by part ({@link StateCodec});
 *   <li>{@link #PARTS}: {@code authority NUL firstIndex} (10 digits) to each buffered part, so the part holding
 *       entry #i is the last key at or before {@code authority NUL i};
 *   <li>{@link #NAMED}: {@code authority NUL targetId} to the first entry naming it, while a snapshot is applied;
 *   <li>{@link #QUEUE}: announcements that arrived while a snapshot was being applied, by arrival sequence;
 *   <li>{@link #JOB}: the snapshot being applied ({@link StateCodec}) and its receipt so far ({@link #RECEIPT}).
 * </ul>
 */
final class SnapshotStores {
    static final String LIST_INDEX = "designations-by-list";
    static final String APPLIED = "snapshots-applied";
    static final String PENDING = "snapshot-pending";
    static final String PARTS = "snapshot-parts";
    static final String NAMED = "snapshot-named";
    static final String QUEUE = "snapshot-queue";
    static final String JOB = "snapshot-job";
    static final String RECEIPT = "snapshot-receipt";

    /** The one key of {@link #JOB} and {@link #RECEIPT}: a task applies one snapshot at a time. */
    static final String CURRENT_JOB = "job";

    static final char SEPARATOR = '\u0000';

    private SnapshotStores() {}

    static String listKey(String authority, String list) {
        return authority + SEPARATOR + list;
    }

    /** Every key of one list's index begins with this. */
    static String indexPrefix(String authority, String list) {
        return listKey(authority, list) + SEPARATOR;
    }

    /** Just above every key that begins with {@code prefix} (which ends in NUL). */
    static String after(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + '\u0001';
    }

    static String authorityPrefix(String authority) {
        return authority + SEPARATOR;
    }

    static String partKey(String authority, int firstIndex) {
        return authorityPrefix(authority) + padded(firstIndex, 10);
    }

    static String queueKey(long sequence) {
        return padded(sequence, 19);
    }

    private static String padded(long value, int digits) {
        String text = Long.toString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }
}
