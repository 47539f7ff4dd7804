package dev.sanctions.subscriber;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a {@link Subscriber} follows and how it connects.
 *
 * @param kafkaProperties Kafka client properties: {@code bootstrap.servers} (required) plus e.g. SASL or TLS
 *     settings. The subscriber always sets {@code isolation.level=read_committed} and
 *     {@code enable.auto.commit=false}; {@code default.api.timeout.ms} bounds the wait for an unreachable cluster
 *     (30 s unless given). Not {@code group.id}: that is {@code groupId}
 * @param schemaRegistryUrl the schema registry the notifications' schema ids refer to
 * @param registryProperties extra registry client settings (e.g. {@code basic.auth.*}); may be empty
 * @param topicPrefix the prefix of every topic name (SPEC section 4), {@code ""} for none
 * @param jurisdictions the jurisdictions to follow, upper-case ({@code JP}, {@code EU}); empty follows every
 *     notification ({@code sanctions.changes})
 * @param from where to start without committed offsets; not used with {@code snapshot}, whose notifications start
 *     where the snapshot ends
 * @param groupId the bank's consumer group: offsets are committed there after the listener returned, and a
 *     restart continues where it stopped. Empty: no group, nothing committed
 * @param snapshot deliver the current state of every matching designation first
 */
public record SubscriptionSettings(
        Map<String, Object> kafkaProperties,
        String schemaRegistryUrl,
        Map<String, Object> registryProperties,
        String topicPrefix,
        Set<String> jurisdictions,
        StartPosition from,
        Optional<String> groupId,
        boolean snapshot) {

    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");

    public SubscriptionSettings {
        Objects.requireNonNull(kafkaProperties, "kafkaProperties");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(registryProperties, "registryProperties");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(jurisdictions, "jurisdictions");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(groupId, "groupId");
        Object servers = kafkaProperties.get("bootstrap.servers");
        if (servers == null || servers.toString().isBlank()) {
            throw new IllegalArgumentException("the Kafka properties must name bootstrap.servers");
        }
        if (kafkaProperties.containsKey("group.id")) {
            throw new IllegalArgumentException("group.id is set in the Kafka properties: give the consumer group "
                    + "as the subscription's group id instead (sanctions subscribe --group)");
        }
        if (schemaRegistryUrl.isBlank()) {
            throw new IllegalArgumentException("the schema registry URL must not be blank");
        }
        if (groupId.isPresent() && groupId.get().isBlank()) {
            throw new IllegalArgumentException("the consumer group id must not be blank");
        }
        kafkaProperties = Collections.unmodifiableMap(new LinkedHashMap<>(kafkaProperties));
        registryProperties = Collections.unmodifiableMap(new LinkedHashMap<>(registryProperties));
        jurisdictions = normalised(jurisdictions);
    }

    /**
     * Every notification from now on, no group, no snapshot, no topic prefix: adjust with the {@code with…}
     * methods.
     */
    public static SubscriptionSettings of(String bootstrapServers, String schemaRegistryUrl) {
        return new SubscriptionSettings(Map.of("bootstrap.servers", bootstrapServers), schemaRegistryUrl, Map.of(),
                "", Set.of(), StartPosition.LATEST, Optional.empty(), false);
    }

    public SubscriptionSettings withKafkaProperties(Map<String, Object> properties) {
        return new SubscriptionSettings(properties, schemaRegistryUrl, registryProperties, topicPrefix, jurisdictions,
                from, groupId, snapshot);
    }

    public SubscriptionSettings withRegistryProperties(Map<String, Object> properties) {
        return new SubscriptionSettings(kafkaProperties, schemaRegistryUrl, properties, topicPrefix, jurisdictions,
                from, groupId, snapshot);
    }

    public SubscriptionSettings withTopicPrefix(String prefix) {
        return new SubscriptionSettings(kafkaProperties, schemaRegistryUrl, registryProperties, prefix, jurisdictions,
                from, groupId, snapshot);
    }

    /** Only these jurisdictions (any case); none given means all. */
    public SubscriptionSettings withJurisdictions(Collection<String> chosen) {
        return new SubscriptionSettings(kafkaProperties, schemaRegistryUrl, registryProperties, topicPrefix,
                Set.copyOf(chosen), from, groupId, snapshot);
    }

    public SubscriptionSettings withFrom(StartPosition position) {
        return new SubscriptionSettings(kafkaProperties, schemaRegistryUrl, registryProperties, topicPrefix,
                jurisdictions, position, groupId, snapshot);
    }

    public SubscriptionSettings withGroup(String group) {
        return new SubscriptionSettings(kafkaProperties, schemaRegistryUrl, registryProperties, topicPrefix,
                jurisdictions, from, Optional.of(group), snapshot);
    }

    public SubscriptionSettings withSnapshot(boolean withSnapshot) {
        return new SubscriptionSettings(kafkaProperties, schemaRegistryUrl, registryProperties, topicPrefix,
                jurisdictions, from, groupId, withSnapshot);
    }

    String bootstrapServers() {
        return kafkaProperties.get("bootstrap.servers").toString();
    }

    private static SortedSet<String> normalised(Set<String> jurisdictions) {
        SortedSet<String> upper = new TreeSet<>();
        for (String jurisdiction : jurisdictions) {
            String code = Objects.requireNonNull(jurisdiction, "jurisdiction").strip().toUpperCase(Locale.ROOT);
            if (!JURISDICTION.matcher(code).matches()) {
                throw new IllegalArgumentException("a jurisdiction is a two-letter code such as JP, US, EU or UN, got '"
                        + jurisdiction + "'");
            }
            upper.add(code);
        }
        return Collections.unmodifiableSortedSet(upper);
    }
}
