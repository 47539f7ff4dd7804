package dev.sanctions.testkit;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Names no other test has used on the same cluster: topics, application ids, group ids, transactional ids. */
public final class UniqueNames {
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Distinguishes JVMs that share one cluster (a Testcontainers broker reused, or two forks). */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private UniqueNames() {}

    /** {@code prefix-RUN-N}: only characters legal in a topic name, when the prefix has only those. */
    public static String of(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
