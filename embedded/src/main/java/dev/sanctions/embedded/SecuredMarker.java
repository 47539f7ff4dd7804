package dev.sanctions.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers whether a stack's directory was first started secured: its cluster's users are written when its storage
 * is formatted, so a directory cannot change sides later (an open one has no admin to log in as; a secured one
 * started open would serve its data to anyone).
 */
final class SecuredMarker {
    static final String FILE = "secured";

    private SecuredMarker() {}

    /** Refuses to start the other way than the directory was first started. */
    static void check(Path stackDir, boolean secure) {
        if (!StorageFormat.isFormatted(stackDir.resolve("kafka"))) {
            return;
        }
        boolean secured = Files.exists(stackDir.resolve(FILE));
        if (secured && !secure) {
            throw new IllegalStateException(stackDir.toAbsolutePath() + " holds a secured cluster: start it with"
                    + " --secure, or use another --data-dir for an open one");
        }
        if (!secured && secure) {
            throw new IllegalStateException(stackDir.toAbsolutePath() + " holds an open cluster that has no users:"
                    + " use a new --data-dir for a secured one, or start this one without --secure");
        }
    }

    static void record(Path stackDir, boolean secure) {
        if (!secure) {
            return;
        }
        try {
            Files.writeString(stackDir.resolve(FILE), "This cluster asks who its clients are (SASL/SCRAM, ACLs).\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stackDir.resolve(FILE), e);
        }
    }
}
