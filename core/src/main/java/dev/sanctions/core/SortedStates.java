package dev.sanctions.core;

import dev.sanctions.avro.DesignationState;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * Designation states sorted by key (by code point, {@link Canonical#TEXT_ORDER}), read-only, held in two arrays:
 * built by sorting once and merging sorted parts, where a {@code TreeMap} takes a tree insertion per state. The
 * replay's lanes each sort their own states at the same time, and their parts are merged in one pass; that sort was
 * most of the replay's reading thread.
 */
final class SortedStates extends AbstractMap<String, DesignationState> implements SortedMap<String, DesignationState> {

    private static final SortedStates EMPTY = new SortedStates(new String[0], new DesignationState[0], 0, 0);

    private final String[] keys;
    private final DesignationState[] states;
    private final int from;
    private final int to;

    private SortedStates(String[] keys, DesignationState[] states, int from, int to) {
        this.keys = keys;
        this.states = states;
        this.from = from;
        this.to = to;
    }

    /** The states of {@code byKey}, sorted. */
    static SortedStates of(Map<String, DesignationState> byKey) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, DesignationState>[] entries = byKey.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(entries, Map.Entry.comparingByKey(Canonical.TEXT_ORDER));
        String[] keys = new String[entries.length];
        DesignationState[] states = new DesignationState[entries.length];
        for (int i = 0; i < entries.length; i++) {
            keys[i] = entries[i].getKey();
            states[i] = entries[i].getValue();
        }
        return new SortedStates(keys, states, 0, entries.length);
    }

    /** Sorted parts that share no key, merged into one. */
    static SortedStates merge(List<SortedStates> parts) {
        if (parts.isEmpty()) {
            return EMPTY;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int total = parts.stream().mapToInt(SortedStates::size).sum();
        String[] keys = new String[total];
        DesignationState[] states = new DesignationState[total];
        int[] next = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            next[i] = parts.get(i).from;
        }
        for (int out = 0; out < total; out++) {
            int smallest = -1;
            for (int i = 0; i < parts.size(); i++) {
                SortedStates part = parts.get(i);
                if (next[i] < part.to
                        && (smallest < 0
                                || Canonical.TEXT_ORDER.compare(
                                                part.keys[next[i]], parts.get(smallest).keys[next[smallest]])
                                        < 0)) {
                    smallest = i;
                }
            }
            SortedStates part = parts.get(smallest);
            keys[out] = part.keys[next[smallest]];
            states[out] = part.states[next[smallest]];
            next[smallest]++;
        }
        return new SortedStates(keys, states, 0, total);
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public DesignationState get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : states[at];
    }

    @Override
    public Comparator<? super String> comparator() {
        return Canonical.TEXT_ORDER;
    }

    @Override
    public SortedMap<String, DesignationState> subMap(String fromKey, String toKey) {
        if (Canonical.TEXT_ORDER.compare(fromKey, toKey) > 0) {
            throw new IllegalArgumentException("fromKey " + fromKey + " is after toKey " + toKey);
        }
        return new SortedStates(keys, states, lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<String, DesignationState> headMap(String toKey) {
        return new SortedStates(keys, states, from, lowerBound(toKey));
    }

    @Override
    public SortedMap<String, DesignationState> tailMap(String fromKey) {
        return new SortedStates(keys, states, lowerBound(fromKey), to);
    }

    @Override
    public String firstKey() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return keys[from];
    }

    @Override
    public String lastKey() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return keys[to - 1];
    }

    @Override
    public Set<Map.Entry<String, DesignationState>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, DesignationState>> iterator() {
                return new Iterator<>() {
                    private int next = from;

                    @Override
                    public boolean hasNext() {
                        return next < to;
                    }

                    @Override
                    public Map.Entry<String, DesignationState> next() {
                        if (next >= to) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, DesignationState> entry = Map.entry(keys[next], states[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return SortedStates.this.size();
            }
        };
    }

    /** The index of {@code key} within this range, or -1. */
    private int indexOf(Object key) {
        if (!(key instanceof String text)) {
            return -1;
        }
        int at = lowerBound(text);
        return at < to && keys[at].equals(text) ? at : -1;
    }

    /** The first index in this range whose key is not before {@code key}, clamped to the range. */
    private int lowerBound(String key) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Canonical.TEXT_ORDER.compare(keys[middle], key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
