package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.RegistryClientConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Configuration keys of the Avro serde; the names are Confluent's. Client keys are in {@link RegistryClientConfig}. */
public final class AvroSerdeConfig {

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

    private AvroSerdeConfig() {
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(key, value, "must be true or false");
    }
}
