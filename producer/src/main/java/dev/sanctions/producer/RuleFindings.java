package dev.sanctions.producer;

import dev.sanctions.core.AnnouncementRules;
import dev.sanctions.core.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The core rules' verdict on an announcement read from a file, placed on the lines of the values concerned. */
final class RuleFindings {

    private RuleFindings() {}

    static List<Finding> of(ReadAnnouncement read) {
        List<Finding> findings = new ArrayList<>();
        for (Violation violation : AnnouncementRules.check(read.announcement())) {
            if (!repeats(violation.path(), read.reported())) {
                findings.add(new Finding(read.lines().lineOf(violation.path()), violation.path(), violation.message()));
            }
        }
        return findings;
    }

    /**
     * A violation at or below a value the reader already reported is about the reader's placeholder, not news:
     * "required" would echo "expected a string, found a number".
     */
    private static boolean repeats(String path, Set<String> reported) {
        for (String p = path; !p.isEmpty(); p = FieldPaths.parent(p)) {
            if (reported.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
