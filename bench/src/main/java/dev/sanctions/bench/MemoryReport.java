package dev.sanctions.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory of one JVM, in bytes; -1 where the platform does not tell.
 *
 * @param peakHeap the highest heap in use since the JVM started ({@link HeapPeak})
 * @param liveHeap heap in use right after a full collection: what the data held really needs
 * @param rss resident set size now ({@code VmRSS})
 * @param peakRss the highest resident set size reached ({@code VmHWM})
 * @param maxHeap the heap limit ({@code -Xmx})
 */
record MemoryReport(long peakHeap, long liveHeap, long rss, long peakRss, long maxHeap) {

    static final String PREFIX = "MEMORY";

    /** Measures this JVM; runs a full collection for {@link #liveHeap}. */
    static MemoryReport measure(HeapPeak heapPeak) {
        long peak = heapPeak.bytes();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String status = readProcStatus();
        return new MemoryReport(
                peak,
                live,
                procKilobytes(status, "VmRSS") * bytesPerKb(status, "VmRSS"),
                procKilobytes(status, "VmHWM") * bytesPerKb(status, "VmHWM"),
                Runtime.getRuntime().maxMemory());
    }

    /** The value of a {@code /proc/self/status} line such as {@code VmRSS:   123456 kB}, in kB; -1 when absent. */
    static long procKilobytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }

    /** One line for the parent: {@code MEMORY peak_heap=… live_heap=… rss=… peak_rss=… max_heap=…}. */
    String line() {
        return PREFIX + " peak_heap=" + peakHeap + " live_heap=" + liveHeap + " rss=" + rss + " peak_rss=" + peakRss
                + " max_heap=" + maxHeap;
    }

    static MemoryReport parse(String line) {
        if (!line.startsWith(PREFIX + " ")) {
            throw new IllegalArgumentException("not a memory report: " + line);
        }
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring(PREFIX.length() + 1).trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        return new MemoryReport(
                get(values, "peak_heap"),
                get(values, "live_heap"),
                get(values, "rss"),
                get(values, "peak_rss"),
                get(values, "max_heap"));
    }

    private static long get(Map<String, Long> values, String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the memory report lacks " + name);
        }
        return value;
    }

    private static long bytesPerKb(String status, String field) {
        return procKilobytes(status, field) < 0 ? 1 : 1024;
    }

    private static String readProcStatus() {
        try {
            return Files.readString(Path.of("/proc/self/status"));
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
