package dev.sanctions.subscriber;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The contract topic names a subscriber reads (SPEC section 4), with the operator's prefix. */
record TopicNames(String prefix) {

    String designations() {
        return prefix + "sanctions.designations";
    }

    String allChanges() {
        return prefix + "sanctions.changes";
    }

    String changes(String jurisdiction) {
        return allChanges() + "." + jurisdiction.toLowerCase(Locale.ROOT);
    }

    /** The notification topics to follow: one per jurisdiction, or the topic of all notifications. */
    List<String> followed(Set<String> jurisdictions) {
        return jurisdictions.isEmpty() ? List.of(allChanges()) : jurisdictions.stream().map(this::changes).toList();
    }
}
