package dev.sanctions.registry.client;

import org.apache.avro.Schema;

/** One version of a subject: its number, the schema's global id and the schema. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
