package dev.sanctions.processor.topology;

import dev.sanctions.avro.DesignationState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The state stores that the HTTP API queries (interactive queries), and the layout of their keys.
 *
 * <p>{@link #CURRENT}: designation key to its current {@code DesignationState}.
 * {@link #HISTORY}: every version ever reached, keyed {@code designationKey + '\0' + version}
 * with the version zero-padded to 19 digits, so keys sort by version. The suffix has a fixed width,
 * so a history key names exactly one designation (the key without its last 20 characters), but its
 * prefix is not unique: {@code A/N-1\0} also begins the keys of {@code A/N-1\0x}. {@link #history}
 * therefore keeps only the keys of exactly one designation. History is kept forever (the store has no
 * retention): a sanctions history is small and must answer "as of" questions for any date.
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

    /**
     * Every version of one designation in a {@link #HISTORY} store, oldest first; empty if it was never designated.
     * The prefix scan also meets the keys of longer designation keys that begin with {@code designationKey + '\0'}
     * (stored before target ids were checked for control characters); they are longer than this designation's own
     * keys, which are the prefix plus the version's digits, and are skipped.
     */
    public static List<DesignationState> history(
            ReadOnlyKeyValueStore<String, DesignationState> store, String designationKey) {
        String prefix = designationKey + SEPARATOR;
        int ownKeyLength = prefix.length() + VERSION_DIGITS;
        List<DesignationState> versions = new ArrayList<>();
        try (KeyValueIterator<String, DesignationState> scan = store.prefixScan(prefix, new StringSerializer())) {
            scan.forEachRemaining((KeyValue<String, DesignationState> entry) -> {
                if (entry.key.length() == ownKeyLength) {
                    versions.add(entry.value);
                }
            });
        }
        return versions;
    }
}
