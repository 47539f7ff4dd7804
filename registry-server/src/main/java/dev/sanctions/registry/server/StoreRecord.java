package dev.sanctions.registry.server;

import java.util.Objects;

/** One entry of the registry's append-only log. Replaying the log in order rebuilds the registry. */
public sealed interface StoreRecord {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}; {@code schema} is canonical text. */
    record SchemaVersion(String subject, int version, int id, String schema) implements StoreRecord {
        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
            if (version < 1 || id < 1) {
                throw new IllegalArgumentException("version and id start at 1: version " + version + ", id " + id);
            }
        }
    }

    /** The compatibility level of {@code subject}, or the global level when {@code subject} is null. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements StoreRecord {
        public CompatibilitySet {
            Objects.requireNonNull(level, "level");
        }
    }
}
