package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.RegistryClientConfig;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of the Avro serde, parsed by Kafka's {@link ConfigDef}; the names are Confluent's. Client keys are in
 * {@link RegistryClientConfig}.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
    /** Register the record's schema under the subject when serializing (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * With {@link #AUTO_REGISTER_SCHEMAS}=false: write with the subject's latest registered schema and its id
     * instead of looking up the record's own schema (default false).
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Accepted for compatibility with Confluent configurations; this deserializer always reads generated classes. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(
                    AUTO_REGISTER_SCHEMAS,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Register the record's schema under the subject when serializing")
            .define(
                    USE_LATEST_VERSION,
                    Type.BOOLEAN,
                    false,
                    Importance.LOW,
                    "Without auto-registration, write with the subject's latest registered schema")
            .define(
                    SPECIFIC_AVRO_READER,
                    Type.BOOLEAN,
                    true,
                    Importance.LOW,
                    "Read generated classes; the only mode of this deserializer");

    /** Parses {@code originals}; other keys (the registry client's and the Kafka client's) are ignored. */
    AvroSerdeConfig(Map<String, ?> originals) {
        super(DEFINITION, originals, false);
    }
}
