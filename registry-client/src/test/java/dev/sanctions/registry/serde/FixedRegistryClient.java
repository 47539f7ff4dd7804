package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.RegisteredSchema;
import dev.sanctions.registry.client.SchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry held in maps, with ids chosen by the test, so that framed bytes can be written down exactly. */
final class FixedRegistryClient implements SchemaRegistryClient {

    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> bySubject = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private int nextId;

    FixedRegistryClient(int firstId) {
        this.nextId = firstId;
    }

    /** Puts {@code schema} under {@code subject} with the given id, as another producer would have. */
    synchronized FixedRegistryClient with(String subject, int id, Schema schema) {
        byId.put(id, schema);
        List<RegisteredSchema> versions = bySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
        return this;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls.add("register " + subject);
        for (RegisteredSchema version : bySubject.getOrDefault(subject, List.of())) {
            if (version.schema().equals(schema)) {
                return version.id();
            }
        }
        int id = nextId++;
        with(subject, id, schema);
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        calls.add("getId " + subject);
        return bySubject.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().equals(schema))
                .mapToInt(RegisteredSchema::id)
                .findFirst()
                .orElseThrow(() -> new SchemaRegistryException(404, 40403, "Schema not found"));
    }

    @Override
    public synchronized Schema getById(int id) {
        calls.add("getById " + id);
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        calls.add("getLatest " + subject);
        List<RegisteredSchema> versions = bySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw new UnsupportedOperationException("not used by the serde");
    }

    @Override
    public String getCompatibility(String subject) {
        throw new UnsupportedOperationException("not used by the serde");
    }

    @Override
    public void setCompatibility(String subject, String level) {
        throw new UnsupportedOperationException("not used by the serde");
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "fixed test registry";
    }
}
