package dev.sanctions.producer;

import java.util.List;

/**
 * What reading a set of announcement files found.
 *
 * @param announcements the announcements without any problem, in file order and then in order within each file
 * @param problems      every problem found, in file order and then by line
 */
public record Batch(List<ParsedAnnouncement> announcements, List<Problem> problems) {

    public Batch {
        announcements = List.copyOf(announcements);
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong, so the whole batch may be published. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
