package dev.sanctions.processor;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything the processor has committed (read_committed, to the end of each topic) and how it differs from the fold
 * of the log: per designation key the same notifications in the same order, on {@code sanctions.changes} and on the
 * jurisdiction's topic, so a lost, repeated or skipped version shows as a difference of that key; the same rejections;
 * no dead letter; and on the compacted state topic the fold's states, ending with its final one.
 */
record CommittedOutput(
        List<DesignationChange> changes,
        Map<String, List<DesignationChange>> changesByJurisdiction,
        List<DesignationState> designations,
        List<RejectedAction> rejections,
        int deadLetters) {

    private static final int SHOWN_DIFFERENCES = 20;

    static CommittedOutput read(
            String bootstrapServers, String registryUrl, Topics topics, List<String> jurisdictions) {
        Map<String, List<DesignationChange>> byJurisdiction = new TreeMap<>();
        for (String jurisdiction : jurisdictions) {
            byJurisdiction.put(jurisdiction, values(bootstrapServers, registryUrl, topics.changes(jurisdiction)));
        }
        return new CommittedOutput(
                values(bootstrapServers, registryUrl, topics.changes()),
                byJurisdiction,
                values(bootstrapServers, registryUrl, topics.designations()),
                values(bootstrapServers, registryUrl, topics.rejected()),
                CommittedRecords.readToEnd(
                                bootstrapServers,
                                topics.dlq(),
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer())
                        .size());
    }

    /** How many notifications {@code sanctions.changes} holds committed; cheap enough to poll. */
    static int countChanges(String bootstrapServers, Topics topics) {
        return CommittedRecords.readToEnd(
                        bootstrapServers, topics.changes(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .size();
    }

    /** One line per designation key (or topic) that differs from the fold; empty when the output is exactly it. */
    List<String> differencesFrom(FoldedLog expected) {
        List<String> differences = new ArrayList<>();
        Function<DesignationChange, String> change = c -> c.getChangeId() + " v" + c.getVersion();
        compareByKey("changes", expected.changes(), changes, DesignationChange::getDesignationKey, change, differences);
        changesByJurisdiction.forEach((jurisdiction, committed) -> compareByKey(
                "changes." + jurisdiction,
                expected.changes().stream()
                        .filter(c -> c.getJurisdiction().equals(jurisdiction))
                        .toList(),
                committed,
                DesignationChange::getDesignationKey,
                change,
                differences));
        compareCompacted(expected, differences);
        compareByKey(
                "rejected",
                expected.rejections(),
                rejections,
                r -> r.getAnnouncementId() + "#" + r.getActionIndex(),
                r -> String.valueOf(r.getReason()),
                differences);
        if (deadLetters != 0) {
            differences.add("dlq: " + deadLetters + " dead letters, expected none");
        }
        if (differences.size() > SHOWN_DIFFERENCES) {
            int more = differences.size() - SHOWN_DIFFERENCES;
            differences.subList(SHOWN_DIFFERENCES, differences.size()).clear();
            differences.add("... and " + more + " more");
        }
        return differences;
    }

    /**
     * The state topic is compacted, and cleaned soon: the cleaner may have removed any state but the last of a key. So
     * per key, what is left must be states of the fold in the fold's order, none twice, ending with the final one.
     */
    private void compareCompacted(FoldedLog expected, List<String> differences) {
        Map<String, List<DesignationState>> want = byKey(
                expected.changes().stream().map(DesignationChange::getAfter).toList(),
                DesignationState::getDesignationKey);
        Map<String, List<DesignationState>> got = byKey(designations, DesignationState::getDesignationKey);
        TreeSet<String> keys = new TreeSet<>(want.keySet());
        keys.addAll(got.keySet());
        for (String key : keys) {
            List<DesignationState> all = want.getOrDefault(key, List.of());
            List<DesignationState> left = got.getOrDefault(key, List.of());
            if (!isSubsequence(left, all)
                    || left.isEmpty()
                    || !left.get(left.size() - 1).equals(expected.states().get(key))) {
                differences.add("designations " + key + ": expected a subsequence of "
                        + all.stream().map(s -> "v" + s.getVersion()).toList() + " ending with the final state, got "
                        + left.stream().map(s -> "v" + s.getVersion()).toList());
            }
        }
    }

    private static <V> boolean isSubsequence(List<V> part, List<V> whole) {
        int at = 0;
        for (V element : part) {
            while (at < whole.size() && !whole.get(at).equals(element)) {
                at++;
            }
            if (at == whole.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static <V> void compareByKey(
            String topic,
            List<V> expected,
            List<V> committed,
            Function<V, String> key,
            Function<V, String> describe,
            List<String> differences) {
        Map<String, List<V>> expectedByKey = byKey(expected, key);
        Map<String, List<V>> committedByKey = byKey(committed, key);
        TreeSet<String> keys = new TreeSet<>(expectedByKey.keySet());
        keys.addAll(committedByKey.keySet());
        for (String k : keys) {
            List<V> want = expectedByKey.getOrDefault(k, List.of());
            List<V> got = committedByKey.getOrDefault(k, List.of());
            if (!want.equals(got)) {
                List<String> wantShort = want.stream().map(describe).toList();
                List<String> gotShort = got.stream().map(describe).toList();
                differences.add(topic + " " + k + ": expected " + wantShort + " got " + gotShort
                        + (wantShort.equals(gotShort) ? " (same ids, other content)" : ""));
            }
        }
    }

    private static <V> Map<String, List<V>> byKey(Collection<V> values, Function<V, String> key) {
        Map<String, List<V>> grouped = new LinkedHashMap<>();
        values.forEach(v -> grouped.computeIfAbsent(Objects.toString(key.apply(v)), k -> new ArrayList<>())
                .add(v));
        return grouped;
    }

    static <V extends SpecificRecord> List<V> values(String bootstrapServers, String registryUrl, String topic) {
        SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        return CommittedRecords.readToEnd(bootstrapServers, topic, new StringDeserializer(), values).stream()
                .map(ConsumerRecord::value)
                .toList();
    }
}
