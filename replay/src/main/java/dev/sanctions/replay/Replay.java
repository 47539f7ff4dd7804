package dev.sanctions.replay;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.AnnouncementPlacement;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.DecodeFailure;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Re-folds {@code sanctions.announcements} from its start with the processor's own fold ({@link LogFold}), so its
 * answers depend on the log alone: the state of every designation as of an instant, and whether the designations
 * topic agrees with the log.
 */
public final class Replay {

    private final LogSource source;
    private final Topics topics;

    public Replay(LogSource source, Topics topics) {
        this.source = source;
        this.topics = topics;
    }

    /**
     * The states after folding, in log order, every announcement published at or before {@code asOf}
     * ({@code null}: the whole log). {@code progress} hears the number of records read so far.
     *
     * <p>Decoding and folding run in {@link KeyedLanes}, one {@link LogFold} per lane: records are keyed by their
     * authority and the fold keeps nothing across authorities, so the lanes' states together are the one fold's.
     */
    public Refold asOf(Instant asOf, LongConsumer progress) {
        int count = KeyedLanes.lanesForThisMachine();
        List<Lane> lanes = new ArrayList<>(count);
        // One registry client for every lane: each schema is fetched once.
        try (RestSchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(source.deserializerProperties());
                KeyedLanes dispatch = new KeyedLanes(
                        count,
                        i -> {
                            Lane lane = new Lane(asOf, registry);
                            lanes.add(lane);
                            return lane;
                        },
                        "sanctions-replay-lane")) {
            new TopicReader(source).read(topics.announcements(), dispatch, progress);
            dispatch.finish();
        }
        SortedMap<String, DesignationState> states =
                LogFold.statesOf(lanes.stream().map(lane -> lane.fold).toList());
        long[] counts = new long[4];
        for (Lane lane : lanes) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += lane.counts[i];
            }
        }
        return new Refold(states, counts[0], counts[1], counts[2], counts[3]);
    }

    /** Decodes and folds the records of some authorities; counts what it folded and what it skipped. */
    private final class Lane implements TopicReader.RecordSink {

        private final Instant asOf;
        private final SpecificAvroDeserializer<Announcement> deserializer;
        private final LogFold fold = new LogFold();
        /** Announcements and actions folded, records unreadable, announcements misrouted. */
        private final long[] counts = new long[4];

        Lane(Instant asOf, RestSchemaRegistryClient registry) {
            this.asOf = asOf;
            this.deserializer = new SpecificAvroDeserializer<>(registry);
            deserializer.configure(source.deserializerProperties(), false);
        }

        @Override
        public void accept(ConsumerRecord<String, byte[]> record, int partitions) {
            Announcement announcement;
            try {
                announcement = deserializer.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                // Skipped exactly when the processor dead-letters it (a record of another schema fails here, with a
                // ClassCastException); an unreachable registry is no reason to skip anything.
                failIfTheRegistrysFault(e);
                counts[2]++;
                return;
            }
            if (announcement == null) {
                counts[2]++;
            } else if (misrouted(record, announcement, partitions)) {
                counts[3]++;
            } else if (asOf == null || !announcement.getPublishedAt().isAfter(asOf)) {
                fold.apply(announcement);
                counts[0]++;
                counts[1] += announcement.getActions().size();
            }
        }
    }

    /**
     * A record outside its authority's partition, or under another key: the processor rejects it as {@code
     * MISROUTED} and applies nothing of it, so the replay skips it by the same rule.
     */
    private static boolean misrouted(ConsumerRecord<String, byte[]> record, Announcement announcement, int partitions) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return new AnnouncementPlacement(partitions)
                .problem(key, announcement.getAuthority(), record.partition())
                .isPresent();
    }

    /** Re-folds the whole log and compares it, key by key, with the latest record of each key in the designations topic. */
    public Verification verify(LongConsumer progress) {
        Refold refold = asOf(null, progress);
        SortedMap<String, DesignationState> published = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        long records;
        try (SpecificAvroDeserializer<DesignationState> deserializer = new SpecificAvroDeserializer<>()) {
            deserializer.configure(source.deserializerProperties(), false);
            records = new TopicReader(source)
                    .read(
                            topics.designations(),
                            (record, partitions) -> {
                                DesignationState state;
                                try {
                                    state = record.value() == null
                                            ? null
                                            : deserializer.deserialize(record.topic(), record.value());
                                } catch (RuntimeException e) {
                                    failIfTheRegistrysFault(e);
                                    published.remove(record.key());
                                    unreadable.put(record.key(), e.toString());
                                    return;
                                }
                                unreadable.remove(record.key());
                                if (state == null) {
                                    published.remove(record.key());
                                } else {
                                    published.put(record.key(), state);
                                }
                            },
                            progress);
        }
        List<Difference> differences = new ArrayList<>(compare(refold.states(), published));
        // A key whose latest record does not decode has no state in the topic; say why rather than "missing".
        differences.removeIf(difference -> unreadable.containsKey(difference.designationKey()));
        unreadable.forEach((key, error) -> differences.add(
                new Difference(key, "the designations topic's latest record for it does not decode: " + error)));
        differences.sort(Comparator.comparing(Difference::designationKey));
        return new Verification(refold, records, differences);
    }

    private void failIfTheRegistrysFault(RuntimeException e) {
        if (DecodeFailure.of(e) == DecodeFailure.REGISTRY) {
            throw new ReplayException(
                    "could not reach the schema registry at "
                            + source.registryProperties().get(AvroSerdeConfig.SCHEMA_REGISTRY_URL) + ": "
                            + registryAnswer(e) + "; start it or check --schema-registry-url",
                    e);
        }
    }

    private static String registryAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException registry) {
                return registry.httpStatus() == 0
                        ? "no answer (" + registry.getCause() + ")"
                        : "HTTP " + registry.httpStatus() + " (" + registry.getMessage() + ")";
            }
        }
        return e.toString();
    }

    static List<Difference> compare(Map<String, DesignationState> expected, Map<String, DesignationState> actual) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            DesignationState want = expected.get(key);
            DesignationState have = actual.get(key);
            if (have == null) {
                differences.add(new Difference(
                        key, "missing from the designations topic (the log gives version " + want.getVersion() + ")"));
            } else if (want == null) {
                differences.add(new Difference(
                        key,
                        "in the designations topic (version " + have.getVersion()
                                + ") but the log never designated it"));
            } else if (!want.equals(have)) {
                differences.add(new Difference(
                        key,
                        "the topic has version " + have.getVersion() + ", the log gives version " + want.getVersion()
                                + "; fields that differ: " + String.join(", ", differingFields(want, have))));
            }
        }
        return differences;
    }

    private static List<String> differingFields(DesignationState want, DesignationState have) {
        List<String> fields = new ArrayList<>();
        for (Schema.Field field : DesignationState.getClassSchema().getFields()) {
            Object a = want.get(field.pos());
            Object b = have.get(field.pos());
            if (a == null ? b != null : !a.equals(b)) {
                fields.add(field.name());
            }
        }
        return fields;
    }
}
