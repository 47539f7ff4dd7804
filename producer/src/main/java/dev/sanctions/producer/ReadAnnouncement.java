package dev.sanctions.producer;

import dev.sanctions.avro.Announcement;
import java.util.List;
import java.util.Set;

/**
 * One announcement object as read from a file.
 *
 * @param announcement the Avro value; where the input was unusable it holds placeholders, so the core rules can
 *                     still look at everything else
 * @param lines        where each value started
 * @param findings     what was wrong with the JSON itself
 * @param reported     the paths of those findings: a core rule violation at or below one of them repeats it
 */
record ReadAnnouncement(Announcement announcement, SourceLines lines, List<Finding> findings, Set<String> reported) {

    int line() {
        return lines.start();
    }
}
