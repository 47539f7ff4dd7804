package dev.sanctions.subscriber;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-key version rule of docs/events.md seen from the receiving end: versions 1, 2, 3 … per designation key.
 * A version at or below the last one accepted is a redelivery; one beyond the next expected means notifications
 * were lost upstream.
 */
final class VersionCheck {

    /** What to do with one notification. {@code expected} is meaningful for {@link Kind#GAP} only. */
    record Verdict(Kind kind, long expected) {
        static final Verdict DELIVER = new Verdict(Kind.DELIVER, 0);
        static final Verdict DUPLICATE = new Verdict(Kind.DUPLICATE, 0);
    }

    enum Kind {
        DELIVER,
        DUPLICATE,
        GAP
    }

    private final Map<String, Long> lastAccepted;
    private final boolean everyKeyKnown;

    private VersionCheck(Map<String, Long> lastAccepted, boolean everyKeyKnown) {
        this.lastAccepted = lastAccepted;
        this.everyKeyKnown = everyKeyKnown;
    }

    /**
     * Reading starts somewhere in the middle of the history: the first version seen of a key is accepted as it
     * is, since earlier ones came before the start position.
     */
    static VersionCheck midStream() {
        return new VersionCheck(new HashMap<>(), false);
    }

    /**
     * Reading continues after a snapshot holding {@code versions} for every designation that existed: a key not
     * among them is new and must start at version 1.
     */
    static VersionCheck afterSnapshot(Map<String, Long> versions) {
        return new VersionCheck(new HashMap<>(versions), true);
    }

    /** Judges a notification and, unless it is a duplicate, remembers its version as the key's last. */
    Verdict accept(String key, long version) {
        Long last = lastAccepted.get(key);
        if (last == null && !everyKeyKnown) {
            lastAccepted.put(key, version);
            return Verdict.DELIVER;
        }
        long previous = last == null ? 0 : last;
        if (version <= previous) {
            return Verdict.DUPLICATE;
        }
        lastAccepted.put(key, version);
        return version == previous + 1 ? Verdict.DELIVER : new Verdict(Kind.GAP, previous + 1);
    }
}
