package dev.sanctions.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The highest heap in use in this JVM, as a whole: the heap is fullest just before a collection, so each
 * collection's "before" usage, summed over the heap pools at that one moment, is recorded. The pools' own peaks
 * cannot be added up instead: they peak at different moments, and their sum overstated the peak beyond
 * {@code -Xmx}.
 */
final class HeapPeak {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final AtomicLong peak = new AtomicLong();

    private HeapPeak() {}

    /** Starts watching this JVM's collections. */
    static HeapPeak watch() {
        HeapPeak heapPeak = new HeapPeak();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                heapPeak.record(GarbageCollectionNotificationInfo.from(
                                                (CompositeData) notification.getUserData())
                                        .getGcInfo()
                                        .getMemoryUsageBeforeGc());
                            }
                        },
                        null,
                        null);
            }
        }
        return heapPeak;
    }

    /** The highest heap in use seen: before any collection so far, or now. */
    long bytes() {
        return Math.max(
                peak.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private void record(Map<String, MemoryUsage> beforeCollection) {
        long used = beforeCollection.entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        peak.accumulateAndGet(used, Math::max);
    }
}
