package dev.sanctions.subscriber;

import dev.sanctions.core.Jurisdictions;
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

/**
 * What a {@link Subscriber} follows and how it connects. Build it with {@link #builder(String, String)}.
 *
 * @param kafkaProperties Kafka client properties: {@code bootstrap.servers} (required) plus e.g. SASL or TLS
 *     settings. The subscriber always sets {@code isolation.level=read_committed} and
 *     {@code enable.auto.commit=false}; {@code default.api.timeout.ms} bounds the wait for an unreachable cluster
 *     (30 s unless given). Not {@code group.id}: that is {@code groupId}
 * @param schemaRegistryUrl the schema registry the notifications' schema ids refer to
 * @param registryProperties extra registry client settings (e.g. {@code basic.auth.*}); may be empty
 * @param topicPrefix the prefix of every topic name (docs/topics.md), {@code ""} for none
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
     * Every notification from now on, no group, no snapshot, no topic prefix, no extra client properties: set what
     * differs on the builder.
     */
    public static Builder builder(String bootstrapServers, String schemaRegistryUrl) {
        return new Builder(bootstrapServers, schemaRegistryUrl);
    }

    String bootstrapServers() {
        return kafkaProperties.get("bootstrap.servers").toString();
    }

    private static SortedSet<String> normalised(Set<String> jurisdictions) {
        SortedSet<String> upper = new TreeSet<>();
        for (String jurisdiction : jurisdictions) {
            String code =
                    Objects.requireNonNull(jurisdiction, "jurisdiction").strip().toUpperCase(Locale.ROOT);
            Jurisdictions.problem(code).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            upper.add(code);
        }
        return Collections.unmodifiableSortedSet(upper);
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private final String schemaRegistryUrl;
        private Map<String, Object> kafkaProperties;
        private Map<String, Object> registryProperties = Map.of();
        private String topicPrefix = "";
        private Set<String> jurisdictions = Set.of();
        private StartPosition from = StartPosition.LATEST;
        private Optional<String> groupId = Optional.empty();
        private boolean snapshot;

        private Builder(String bootstrapServers, String schemaRegistryUrl) {
            this.kafkaProperties = Map.of("bootstrap.servers", bootstrapServers);
            this.schemaRegistryUrl = schemaRegistryUrl;
        }

        /** The Kafka client properties, {@code bootstrap.servers} included: they replace those the builder began with. */
        public Builder kafkaProperties(Map<String, Object> properties) {
            kafkaProperties = properties;
            return this;
        }

        public Builder registryProperties(Map<String, Object> properties) {
            registryProperties = properties;
            return this;
        }

        public Builder topicPrefix(String prefix) {
            topicPrefix = prefix;
            return this;
        }

        /** Only these jurisdictions (any case); none given means all. */
        public Builder jurisdictions(Collection<String> chosen) {
            jurisdictions = Set.copyOf(chosen);
            return this;
        }

        public Builder from(StartPosition position) {
            from = position;
            return this;
        }

        public Builder group(String id) {
            groupId = Optional.of(id);
            return this;
        }

        public Builder snapshot(boolean first) {
            snapshot = first;
            return this;
        }

        public SubscriptionSettings build() {
            return new SubscriptionSettings(
                    kafkaProperties,
                    schemaRegistryUrl,
                    registryProperties,
                    topicPrefix,
                    jurisdictions,
                    from,
                    groupId,
                    snapshot);
        }
    }
}
