package dev.sanctions.processor.topology;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.registry.serde.SpecificAvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the topology. Internal topics (store changelogs) use the registry too, so their records carry a schema id and survive a schema change.
 */
public record SanctionsSerdes(
        Serde<Announcement> announcement,
        Serde<DesignationState> designationState,
        Serde<DesignationChange> designationChange,
        Serde<RejectedAction> rejectedAction,
        Serde<AnnouncementReceipt> announcementReceipt)
        implements AutoCloseable {

    /**
     * Confluent-framed Avro serdes talking to the registry at {@code schemaRegistryUrl};
     * {@code clientProperties} (e.g. registry credentials) are passed to every serde.
     */
    public static SanctionsSerdes forRegistry(String schemaRegistryUrl, Map<String, ?> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("schema.registry.url", schemaRegistryUrl);
        config.put("specific.avro.reader", true);
        return new SanctionsSerdes(
                valueSerde(config),
                new EncodeOnceSerde<>(valueSerde(config)),
                new EncodeOnceSerde<>(valueSerde(config)),
                valueSerde(config),
                valueSerde(config));
    }

    /** Closes every serde (and with them their registry clients). */
    @Override
    public void close() {
        announcement.close();
        designationState.close();
        designationChange.close();
        rejectedAction.close();
        announcementReceipt.close();
    }

    private static <T extends SpecificRecord> Serde<T> valueSerde(Map<String, Object> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
