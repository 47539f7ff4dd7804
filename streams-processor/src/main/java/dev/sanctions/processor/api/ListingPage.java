package dev.sanctions.processor.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One page of the designation list: the first states after a key, merged from every source (this instance's
 * partitions, the other instances), in key order. Each source gives at most one page more one, so a page costs
 * memory for its size times the sources, whatever the length of the list.
 *
 * @param states the states as JSON, in key order
 * @param next   the key to continue after, or null when no state follows
 */
record ListingPage(List<String> states, String next) {

    /**
     * The order of the stores: keys compared as their UTF-8 bytes, as RocksDB sorts them (String.compareTo
     * differs for characters beyond U+FFFF).
     */
    static final Comparator<String> KEY_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** One key's state as JSON. */
    record Entry(String key, String json) {}

    /** Where states come from: the first {@code limit} entries with keys after {@code after}, in {@link #KEY_ORDER}. */
    interface Source {
        /** @param after exclusive; null for the first key */
        List<Entry> first(String after, int limit);
    }

    /** The first {@code size} states after {@code after} (null: from the first) of all sources. */
    static ListingPage of(List<Source> sources, String after, int size) {
        TreeMap<String, String> merged = new TreeMap<>(KEY_ORDER);
        for (Source source : sources) {
            // One more than the page, to know whether another page follows.
            for (Entry entry : source.first(after, size + 1)) {
                merged.put(entry.key(), entry.json());
                if (merged.size() > size + 1) {
                    merged.pollLastEntry();
                }
            }
        }
        List<String> states = new ArrayList<>(Math.min(size, merged.size()));
        String last = null;
        for (Map.Entry<String, String> entry : merged.entrySet()) {
            if (states.size() == size) {
                return new ListingPage(states, last);
            }
            states.add(entry.getValue());
            last = entry.getKey();
        }
        return new ListingPage(states, null);
    }
}
