package dev.sanctions.testkit;

import dev.sanctions.embedded.EmbeddedStack;
import dev.sanctions.embedded.LocalFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The in-process stack on free ports and a temporary directory that goes away with it. */
final class EmbeddedBackend implements KafkaBackend {
    private final Path dataDir;
    private final EmbeddedStack stack;

    private EmbeddedBackend(Path dataDir, EmbeddedStack stack) {
        this.dataDir = dataDir;
        this.stack = stack;
    }

    static EmbeddedBackend start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("sanctions-it-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the embedded stack", e);
        }
        try {
            return new EmbeddedBackend(dataDir, EmbeddedStack.start(dataDir, 0, 0));
        } catch (RuntimeException e) {
            LocalFiles.deleteRecursively(dataDir);
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            LocalFiles.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "embedded stack (" + bootstrapServers() + ", " + schemaRegistryUrl() + ")";
    }
}
