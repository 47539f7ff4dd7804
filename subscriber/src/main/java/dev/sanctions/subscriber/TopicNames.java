package dev.sanctions.subscriber;

import dev.sanctions.core.Topics;
import java.util.List;
import java.util.Set;

/** The contract topic names a subscriber reads (docs/topics.md), with the operator's prefix. */
record TopicNames(String prefix) {

    private Topics topics() {
        return Topics.withPrefix(prefix);
    }

    String designations() {
        return topics().designations();
    }

    String allChanges() {
        return topics().changes();
    }

    String changes(String jurisdiction) {
        return topics().changes(jurisdiction);
    }

    /** The notification topics to follow: one per jurisdiction, or the topic of all notifications. */
    List<String> followed(Set<String> jurisdictions) {
        return jurisdictions.isEmpty()
                ? List.of(allChanges())
                : jurisdictions.stream().map(this::changes).toList();
    }
}
