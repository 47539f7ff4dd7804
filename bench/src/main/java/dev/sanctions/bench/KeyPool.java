package dev.sanctions.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Designation keys in one status, drawn at random in O(1). Removal swaps the last key into the gap, so the order,
 * and with it every draw, depends only on the sequence of calls: the synthetic log stays reproducible.
 */
final class KeyPool {

    private final List<String> keys = new ArrayList<>();
    // Only looked up, never iterated.
    private final Map<String, Integer> positions = new HashMap<>();

    void add(String key) {
        if (positions.putIfAbsent(key, keys.size()) == null) {
            keys.add(key);
        }
    }

    void remove(String key) {
        Integer position = positions.remove(key);
        if (position == null) {
            return;
        }
        String last = keys.remove(keys.size() - 1);
        if (position < keys.size()) {
            keys.set(position, last);
            positions.put(last, position);
        }
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    int size() {
        return keys.size();
    }

    String draw(SplittableRandom random) {
        return keys.get(random.nextInt(keys.size()));
    }
}
