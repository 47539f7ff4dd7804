package dev.sanctions.processor.topology;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.SnapshotRun;
import dev.sanctions.core.SnapshotWorld;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fold's view of the task's state stores: the current state, history and list index of every designation, and
 * for the snapshot being applied (of {@code authority}) its buffered parts and named target ids. Holds at most one
 * part in memory.
 */
final class StoreWorld implements SnapshotWorld {
    private final Stores stores;
    private final String authority;
    private Announcement cachedPart;
    // The last state read or written, by key: put() needs the state before to keep the list index, and the fold
    // has just read it; reading it again cost a store lookup and a decoding per change.
    private String knownKey;
    private DesignationState knownState;

    /** The stores of one task. */
    record Stores(
            KeyValueStore<String, DesignationState> current,
            KeyValueStore<String, DesignationState> history,
            KeyValueStore<String, String> listIndex,
            KeyValueStore<String, Long> applied,
            KeyValueStore<String, Announcement> parts,
            KeyValueStore<String, Integer> named) {}

    /** @param authority whose snapshot is applied (its parts and named ids), or null outside a snapshot */
    StoreWorld(Stores stores, String authority) {
        this.stores = stores;
        this.authority = authority;
    }

    /** Whether this is the view of the snapshot of {@code snapshotAuthority} being applied. */
    boolean applying(String snapshotAuthority) {
        return snapshotAuthority.equals(authority);
    }

    @Override
    public DesignationState state(String designationKey) {
        DesignationState state = stores.current().get(designationKey);
        knownKey = designationKey;
        knownState = state;
        return state;
    }

    @Override
    public void put(DesignationState after) {
        String key = after.getDesignationKey();
        DesignationState before =
                key.equals(knownKey) ? knownState : stores.current().get(key);
        stores.current().put(key, after);
        knownKey = key;
        knownState = after;
        stores.history().put(DesignationStores.historyKey(key, after.getVersion()), after);
        String was = SnapshotRun.indexedList(before);
        String is = SnapshotRun.indexedList(after);
        if (was != null && !was.equals(is)) {
            stores.listIndex().delete(SnapshotStores.indexPrefix(before.getAuthority(), was) + key);
        }
        if (is != null && !is.equals(was)) {
            stores.listIndex().put(SnapshotStores.indexPrefix(after.getAuthority(), is) + key, "");
        }
    }

    @Override
    public Instant lastSnapshot(String authority, String list) {
        Long millis = stores.applied().get(SnapshotStores.listKey(authority, list));
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public void snapshotApplied(String authority, String list, Instant publishedAt) {
        stores.applied().put(SnapshotStores.listKey(authority, list), publishedAt.toEpochMilli());
    }

    @Override
    public Action entry(int index) {
        if (cachedPart == null || !holds(cachedPart, index)) {
            cachedPart = null;
            try (KeyValueIterator<String, Announcement> scan = stores.parts()
                    .reverseRange(SnapshotStores.partKey(authority, 0), SnapshotStores.partKey(authority, index))) {
                if (scan.hasNext()) {
                    cachedPart = scan.next().value;
                }
            }
            if (cachedPart == null || !holds(cachedPart, index)) {
                throw new IllegalStateException("no buffered part of the snapshot of " + authority + " holds entry #"
                        + index + "; the snapshot stores are inconsistent");
            }
        }
        return cachedPart.getActions().get(index - cachedPart.getSnapshot().getFirstIndex());
    }

    private static boolean holds(Announcement part, int index) {
        int first = part.getSnapshot().getFirstIndex();
        return index >= first && index < first + part.getActions().size();
    }

    @Override
    public Integer namedAt(String targetId) {
        return stores.named().get(SnapshotStores.authorityPrefix(authority) + targetId);
    }

    @Override
    public void name(String targetId, int index) {
        stores.named().put(SnapshotStores.authorityPrefix(authority) + targetId, index);
    }

    @Override
    public List<String> activeKeys(String authority, String list, String afterKey, int limit) {
        String prefix = SnapshotStores.indexPrefix(authority, list);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> scan =
                stores.listIndex().range(afterKey == null ? prefix : prefix + afterKey, SnapshotStores.after(prefix))) {
            while (scan.hasNext() && keys.size() < limit) {
                KeyValue<String, String> next = scan.next();
                String key = next.key.substring(prefix.length());
                if (!key.equals(afterKey)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
