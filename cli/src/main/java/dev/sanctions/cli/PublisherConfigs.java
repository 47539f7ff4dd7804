package dev.sanctions.cli;

import dev.sanctions.core.Topics;
import dev.sanctions.producer.PublisherConfig;

/** The one way {@code publish} and {@code import} configure their publisher from the command line. */
final class PublisherConfigs {

    private PublisherConfigs() {}

    /**
     * Publishes to the announcements topic of {@code connection}, as {@code publisherId} when given; else, on a
     * secured cluster, as the login, since a publisher is granted only the transactional ids named after it.
     */
    static PublisherConfig of(ConnectionOptions connection, String publisherId) {
        PublisherConfig.Builder config = PublisherConfig.builder(
                        connection.bootstrapServers, connection.schemaRegistryUrl)
                .topic(Topics.withPrefix(connection.topicPrefix()).announcements())
                .clientProperties(connection.extraStringProperties());
        String id = publisherId != null ? publisherId : connection.saslUser().orElse(null);
        if (id != null) {
            try {
                config.publisherId(id);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--publisher-id: " + e.getMessage());
            }
        }
        return config.build();
    }
}
