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

    static RejectedAction staleSnapshot(Announcement a, String list, Instant applied) {
        return whole(
                a,
                RejectionReason.STALE_SNAPSHOT,
                "a snapshot of " + a.getAuthority() + " list " + list + " published at " + applied
                        + " was already applied, later than this one (" + a.getPublishedAt()
                        + "); the whole snapshot is ignored. Import the current edition of the list instead");
    }

    static RejectedAction snapshotGuard(Announcement a, String list, int delisting, int active, double fraction) {
        return whole(
                a,
                RejectionReason.SNAPSHOT_GUARD,
                "the snapshot would delist " + delisting + " of the " + active + " ACTIVE designations of "
                        + a.getAuthority() + " list " + list + ", more than its maxDelistFraction " + fraction
                        + "; the whole snapshot is ignored. Check that the list file is complete; if the delistings"
                        + " are real, publish it again under a new announcementId with a higher maxDelistFraction");
    }

    static RejectedAction invalidSnapshotPart(Announcement a, String problems) {
        return whole(a, RejectionReason.INVALID_ACTION, "snapshot breaks the rules, no entry applied: " + problems);
    }

    static RejectedAction incompleteSnapshot(SnapshotAssembly.Pending p, String why) {
        return RejectedAction.newBuilder()
                .setAnnouncementId(p.announcementId())
                .setAuthority(p.authority())
                .setJurisdiction(p.jurisdiction())
                .setPublishedAt(p.publishedAt())
                .setActionIndex(null)
                .setAction(null)
                .setDesignationKey(null)
                .setReason(RejectionReason.INVALID_ACTION)
                .setMessage(capped("snapshot " + p.announcementId() + " is incomplete: only parts 0 to "
                        + (p.nextPart() - 1) + " of " + p.parts() + " arrived (" + p.entries() + " entries) " + why
                        + "; nothing applied and the announcementId stays unused. Publish the whole snapshot again,"
                        + " all parts in one transaction"))
                .build();
    }

    static RejectedAction strayPart(Announcement a) {
        return whole(
                a,
                RejectionReason.INVALID_ACTION,
                "snapshot part " + a.getSnapshot().getPart() + " of "
                        + a.getSnapshot().getParts()
                        + " arrived without the parts before it; nothing applied and the announcementId stays unused."
                        + " Publish the whole snapshot again, all parts in one transaction");
    }

    static Outcome.Rejected duplicateEntry(AnnouncedAction a, String key, int firstIndex) {
        return of(
                a,
                key,
                RejectionReason.INVALID_ACTION,
                "invalid action, not applied: actions[" + a.getActionIndex() + "].target.id: " + key
                        + " is already stated by entry " + firstIndex
                        + " of this snapshot; a snapshot names each target once");
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
