package dev.sanctions.core;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The {@link RejectedAction} records of the fold, with messages that say what happened and what to do next. */
final class Rejections {
    /** Characters of a message: messages quote the values they refuse, and a 10 MB value must not make a 10 MB record. */
    static final int MAX_MESSAGE = 10_000;

    private Rejections() {}

    static RejectedAction duplicate(Announcement a) {
        return whole(
                a,
                RejectionReason.DUPLICATE_ANNOUNCEMENT,
                "announcementId " + a.getAnnouncementId() + " was already used by " + a.getAuthority()
                        + "; the whole announcement is ignored. Publish new actions under a new announcementId");
    }

    static RejectedAction misrouted(Announcement a, String problem) {
        return whole(
                a,
                RejectionReason.MISROUTED,
                problem + "; nothing applied, and announcementId " + a.getAnnouncementId()
                        + " stays unused. Publish it again with the authority as key and Kafka's default (murmur2)"
                        + " partitioner");
    }

    static RejectedAction invalidAnnouncement(Announcement a, List<Violation> violations) {
        return whole(
                a,
                RejectionReason.INVALID_ACTION,
                "announcement breaks the rules, no action applied: " + join(violations));
    }

    static Outcome.Rejected invalidAction(AnnouncedAction a, String key, List<Violation> violations) {
        return of(a, key, RejectionReason.INVALID_ACTION, "invalid action, not applied: " + join(violations));
    }

    static Outcome.Rejected unknownDesignation(AnnouncedAction a, String key) {
        return of(
                a,
                key,
                RejectionReason.UNKNOWN_DESIGNATION,
                a.getAction().getAction() + " of " + key + ": no such designation; it must be designated first");
    }

    static Outcome.Rejected notActive(AnnouncedAction a, String key) {
        return of(
                a,
                key,
                RejectionReason.NOT_ACTIVE,
                a.getAction().getAction() + " of " + key
                        + ": the designation is DELISTED; DESIGNATE it again to relist it");
    }

    static Outcome.Rejected alreadyDelisted(AnnouncedAction a, String key) {
        return of(
                a,
                key,
                RejectionReason.ALREADY_DELISTED,
                a.getAction().getAction() + " of " + key + ": the designation is already DELISTED");
    }

    private static RejectedAction whole(Announcement a, RejectionReason reason, String message) {
        // Decoded announcements always carry these; the defaults only keep a hand-built one from crashing the fold.
        return RejectedAction.newBuilder()
                .setAnnouncementId(Objects.requireNonNullElse(a.getAnnouncementId(), ""))
                .setAuthority(Objects.requireNonNullElse(a.getAuthority(), ""))
                .setJurisdiction(Objects.requireNonNullElse(a.getJurisdiction(), ""))
                .setPublishedAt(Objects.requireNonNullElse(a.getPublishedAt(), Instant.EPOCH))
                .setActionIndex(null)
                .setAction(null)
                .setDesignationKey(null)
                .setReason(reason)
                .setMessage(capped(message))
                .build();
    }

    private static Outcome.Rejected of(AnnouncedAction a, String key, RejectionReason reason, String message) {
        ActionType type = a.getAction() == null ? null : a.getAction().getAction();
        return new Outcome.Rejected(RejectedAction.newBuilder()
                .setAnnouncementId(a.getAnnouncementId())
                .setAuthority(a.getAuthority())
                .setJurisdiction(a.getJurisdiction())
                .setPublishedAt(a.getPublishedAt())
                .setActionIndex(a.getActionIndex())
                .setAction(type)
                .setDesignationKey(key)
                .setReason(reason)
                .setMessage(capped(message))
                .build());
    }

    private static String capped(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, end) + "... (" + (message.length() - end) + " more characters)";
    }

    private static String join(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
