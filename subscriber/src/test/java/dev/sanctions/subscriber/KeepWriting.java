package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A processor that keeps changing its designations until stopped: round after round, each key gets a new version;
 * every third transaction carries two versions of one key, as one announcement acting twice on a key does.
 */
final class KeepWriting {

    private final ProcessorDouble processor;
    private final List<String> keys;
    private final String jurisdiction;
    private final Map<String, Long> versions = new HashMap<>();
    private volatile boolean stopped;

    KeepWriting(ProcessorDouble processor, List<String> keys, String jurisdiction) {
        this.processor = processor;
        this.keys = keys;
        this.jurisdiction = jurisdiction;
    }

    /** Writes, in this thread, versions 1 to {@code version} of every key. */
    void writeVersionsUpTo(long version) {
        while (versions.getOrDefault(keys.get(keys.size() - 1), 0L) < version) {
            writeRound();
        }
    }

    CompletableFuture<Void> startInBackground() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try (processor) {
                        while (!stopped) {
                            writeRound();
                        }
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                "keep-writing-" + jurisdiction);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    void stop() {
        stopped = true;
    }

    /** The last version written of every key; read after the writing thread has finished. */
    Map<String, Long> latest() {
        return Map.copyOf(versions);
    }

    private void writeRound() {
        for (int i = 0; i < keys.size(); i++) {
            List<DesignationChange> transaction = new ArrayList<>();
            transaction.add(next(keys.get(i)));
            if (i % 3 == 0) {
                transaction.add(next(keys.get(i)));
            }
            processor.publish(transaction);
        }
    }

    private DesignationChange next(String key) {
        long version = versions.merge(key, 1L, Long::sum);
        return Designations.change(key, jurisdiction, version);
    }
}
