package dev.sanctions.producer;

import dev.sanctions.avro.Announcement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Announcement ids an authority uses more than once in one publish. The processor would ignore every later one as
 * DUPLICATE_ANNOUNCEMENT; the analyst should hear it before anything is sent.
 */
final class DuplicateAnnouncements {

    private DuplicateAnnouncements() {}

    /**
     * @param where names the place of the announcement at an index, e.g. {@code round-3.jsonl:14}
     * @return for each index that shares its authority and id with another, the message saying where the others are
     */
    static Map<Integer, String> find(List<Announcement> announcements, IntFunction<String> where) {
        Map<List<String>, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < announcements.size(); i++) {
            Announcement a = announcements.get(i);
            // Missing ids and authorities are reported on their own; they are not duplicates of each other.
            if (!a.getAnnouncementId().isEmpty() && !a.getAuthority().isEmpty()) {
                byKey.computeIfAbsent(List.of(a.getAuthority(), a.getAnnouncementId()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        Map<Integer, String> messages = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Integer>> group : byKey.entrySet()) {
            List<Integer> indexes = group.getValue();
            if (indexes.size() < 2) {
                continue;
            }
            for (int index : indexes) {
                String others = indexes.stream()
                        .filter(other -> other != index)
                        .map(where::apply)
                        .collect(Collectors.joining(", "));
                messages.put(
                        index,
                        "'" + group.getKey().get(1) + "' is used more than once by "
                                + group.getKey().get(0) + " (also at " + others
                                + "); an authority's announcement ids are unique"
                                + " forever, and the processor would ignore the repeat");
            }
        }
        return messages;
    }
}
