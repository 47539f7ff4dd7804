package dev.sanctions.core;

import java.util.Objects;

/**
 * One broken rule of docs/announcement-format.md.
 *
 * @param path    where, in the announcement's field names: {@code announcementId}, {@code actions[2].target.name},
 *                {@code actions[0].measures[1].type}
 * @param message what is wrong and what is allowed
 */
public record Violation(String path, String message) {
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, the form used in rejection messages. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
