package dev.sanctions.producer;

import java.util.List;

/**
 * Announcements handed to {@link AnnouncementPublisher#publish} break the rules of docs/announcement-format.md; nothing was sent.
 * Each problem reads {@code announcements[INDEX] (ID): field: message}.
 */
public final class InvalidAnnouncementsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidAnnouncementsException(List<String> problems) {
        super(problems.size() + " problem(s), nothing was published: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
