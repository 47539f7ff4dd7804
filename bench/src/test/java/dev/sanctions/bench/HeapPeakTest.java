package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeapPeakTest {

    private static final int BLOCK = 256 * 1024 * 1024;

    @Test
    void thePeakIsTheHeapInUseBeforeACollectionThatFreedIt() {
        HeapPeak heapPeak = HeapPeak.watch();
        byte[] block = new byte[BLOCK];
        block[BLOCK - 1] = 1;
        long held = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertThat(held).isGreaterThanOrEqualTo(BLOCK);

        block = null;
        System.gc();

        assertThat(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                .as("the block is gone, so only a collection's notification can remember it")
                .isLessThan(BLOCK);
        // Notifications come on a JMX thread, after the collection.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(heapPeak.bytes())
                        .isGreaterThanOrEqualTo(BLOCK)
                        .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory()));
    }
}
