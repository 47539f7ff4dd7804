package dev.sanctions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The backend's registry speaks the Confluent REST API that our client expects. */
class SchemaRegistryIT {
    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @Test
    void registersTheFourContractSchemasAndFindsThemById() {
        String prefix = UniqueNames.of("registry");
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(prefix + ".announcements-value", Announcement.getClassSchema());
        schemas.put(prefix + ".designations-value", DesignationState.getClassSchema());
        schemas.put(prefix + ".changes-value", DesignationChange.getClassSchema());
        schemas.put(prefix + ".rejected-value", RejectedAction.getClassSchema());

        try (RestSchemaRegistryClient client =
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()))) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            schemas.forEach((subject, schema) -> ids.put(subject, client.register(subject, schema)));

            assertThat(ids.values())
                    .doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).isPositive());
            schemas.forEach((subject, schema) -> {
                int id = ids.get(subject);
                assertThat(client.getById(id)).isEqualTo(schema);
                assertThat(client.register(subject, schema))
                        .as("re-registering %s", subject)
                        .isEqualTo(id);
                assertThat(client.getId(subject, schema)).isEqualTo(id);
            });
        }
    }
}
