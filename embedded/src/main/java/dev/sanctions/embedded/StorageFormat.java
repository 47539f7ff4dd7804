package dev.sanctions.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** Formats a fresh log directory as a new one-node cluster; a formatted one is kept, so topics survive a restart. */
final class StorageFormat {
    private StorageFormat() {}

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    static void formatIfAbsent(Path logDir) {
        formatIfAbsent(logDir, null);
    }

    /** @param security null for an open cluster; else its SCRAM users are written into the new cluster's metadata */
    static void formatIfAbsent(Path logDir, BrokerSecurity security) {
        if (isFormatted(logDir)) {
            return;
        }
        // The formatter prints its progress; keep it for the error message instead of the console.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String dir = logDir.toAbsolutePath().toString();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(BrokerSettings.NODE_ID)
                .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dir)
                .addDirectory(dir)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        if (security != null) {
            formatter.setScramArguments(security.scramArguments());
        }
        try {
            formatter.run();
        } catch (Exception e) {
            // The message may quote the SCRAM arguments: never echo a password.
            String detail = security == null ? e.getMessage() + " " + output.toString(StandardCharsets.UTF_8) : "";
            throw new IllegalStateException(
                    "cannot format Kafka storage in " + dir + ": " + detail.strip() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
